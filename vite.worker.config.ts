import { defineConfig } from 'vite';

// The import pipeline's worker thread (src/lib/server/pipeline/worker.ts), bundled for Node.
// Packages stay external and load from node_modules, as the server's own build does.
export default defineConfig({
	build: {
		ssr: 'src/lib/server/pipeline/worker.ts',
		outDir: `${process.env.SABAQ_BUILD_OUT ?? 'build'}/worker`,
		emptyOutDir: true,
		target: 'node20',
		rollupOptions: { output: { entryFileNames: 'pipeline.js', format: 'es' } }
	},
	logLevel: 'warn'
});
