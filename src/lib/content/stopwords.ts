/** English function words (and the words that report a text), which are never names or keys. */
export const STOPWORDS = new Set(
	(
		'a an the and or but of to in on at by for with from as into onto about over under than then ' +
		'is are was were be been being has have had do does did will would shall should can could may ' +
		'might must not no nor so if that this these those such it its they them their he him his she ' +
		'her we us our i me my you your which who whom whose what when where why how all any each ' +
		'every some more most other also only very just even there here up out per via within without ' +
		'according speech text said says'
	).split(' ')
);
