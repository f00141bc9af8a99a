export function findElectronRuntime(env?: NodeJS.ProcessEnv): { path: string | null; reason?: string };
