export const STAGE_DIR: string;
export const APP_BUNDLES: string[];
export function documentFontFiles(rootDir?: string, fontPackage?: string): string[];
export function externalRequires(rootDir?: string): string[];
export function runtimeModules(options?: { platform?: string; arch?: string; rootDir?: string }): { name: string; from: string; to: string; files: string[] }[];
export function appManifest(rootDir?: string): Record<string, unknown>;
export function stageApp(options?: { platform?: string; arch?: string; rootDir?: string; dir?: string }): { dir: string; files: string[] };
export function totalBytes(dir: string, files: string[]): number;
