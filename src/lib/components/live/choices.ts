/** Each answer choice has a letter, a shape and a colour, so none depends on colour alone. */
export const CHOICES = [
	{ letter: 'A', shape: '▲', shapeName: 'triangle', colour: '#b3261e' },
	{ letter: 'B', shape: '◆', shapeName: 'diamond', colour: '#1a4fc4' },
	{ letter: 'C', shape: '●', shapeName: 'circle', colour: '#7a5c00' },
	{ letter: 'D', shape: '■', shapeName: 'square', colour: '#146c2e' },
	{ letter: 'E', shape: '★', shapeName: 'star', colour: '#6b3fa0' },
	{ letter: 'F', shape: '⬟', shapeName: 'pentagon', colour: '#0b5d6b' }
];

export const choiceAt = (i: number) => CHOICES[i % CHOICES.length];
