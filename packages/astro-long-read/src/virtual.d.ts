declare module 'virtual:astro-long-read/config' {
	const config: import('./config').LongReadConfig;
	export default config;
}
