/** Emulated media for the design tests (test/server/media-plugin.js): print, forced colours, the OS colour scheme. */
import { executeServerCommand } from '@web/test-runner-commands';

export interface Media {
  media?: 'print' | 'screen';
  colorScheme?: 'light' | 'dark';
  forcedColors?: boolean;
}

/** Emulates exactly `media` (what it leaves out is reset). */
export async function emulate(media: Media = {}): Promise<void> {
  const features = [
    ...(media.colorScheme ? [{ name: 'prefers-color-scheme', value: media.colorScheme }] : []),
    ...(media.forcedColors ? [{ name: 'forced-colors', value: 'active' }] : []),
  ];
  await executeServerCommand('emulate-media-features', { media: media.media ?? '', features });
}
