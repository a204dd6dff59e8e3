/**
 * Vietnamese and English text: the message catalogue, Vietnamese number reading, call announcements and
 * the announcer's voice-clip vocabulary, and date/time formatting.
 */
export * from './announcement.ts';
export * from './catalog.ts';
export * from './audit-sentence.ts';
export * from './date-time.ts';
export * from './numbers.ts';
export * from './voice-clips.ts';
export * from './credential-text.ts';
