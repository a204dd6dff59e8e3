/** Props of {@link Face}. */
export interface FaceProps {
  /** 1 = delighted … −1 = unhappy. */
  readonly mood: number;
  readonly size?: number;
}

/** Colour stops from unhappy (−1) to delighted (1): red, orange, light green, green. */
const STOPS: readonly (readonly [number, readonly [number, number, number]])[] = [
  [-1, [198, 40, 40]],
  [-1 / 3, [230, 126, 0]],
  [1 / 3, [104, 159, 56]],
  [1, [27, 127, 59]],
];

/** The colour of a mood, interpolated between the stops (a four-level scale lands on them exactly). */
export function moodColour(mood: number): string {
  const clamped = Math.max(-1, Math.min(1, mood));
  for (let index = 1; index < STOPS.length; index += 1) {
    const [toMood, to] = STOPS[index]!;
    const [fromMood, from] = STOPS[index - 1]!;
    if (clamped <= toMood + 1e-9) {
      const t = (clamped - fromMood) / (toMood - fromMood);
      const channel = (i: 0 | 1 | 2): number => Math.round(from[i] + (to[i] - from[i]) * t);
      return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
    }
  }
  return 'rgb(27, 127, 59)';
}

/**
 * A face drawn inline (no image files: the tablet works offline and any scale length gets faces): the
 * mouth curves up for a good mood, lies flat in the middle and turns down for a bad one.
 */
export function Face({ mood, size = 120 }: FaceProps) {
  const clamped = Math.max(-1, Math.min(1, mood));
  const mouthY = 66 - clamped * 4;
  const curve = mouthY + clamped * 18;
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 100 100"
      aria-hidden="true"
      focusable="false"
      className="face"
    >
      <circle cx="50" cy="50" r="46" fill={moodColour(clamped)} />
      <circle cx="50" cy="50" r="46" fill="none" stroke="rgba(0,0,0,0.15)" strokeWidth="2" />
      <ellipse cx="35" cy="40" rx="5" ry="7" fill="#fff" />
      <ellipse cx="65" cy="40" rx="5" ry="7" fill="#fff" />
      <path
        d={`M 28 ${mouthY} Q 50 ${curve} 72 ${mouthY}`}
        fill="none"
        stroke="#fff"
        strokeWidth="6"
        strokeLinecap="round"
      />
    </svg>
  );
}
