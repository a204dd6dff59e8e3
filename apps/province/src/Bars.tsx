/** One bar: its label, its value (null: no data) and the value as the reader sees it. */
export interface Bar {
  readonly label: string;
  readonly value: number | null;
  readonly text: string;
}

/**
 * A horizontal bar chart as plain HTML (one row per hall or day): readable on any screen, every value
 * written beside its bar, no chart library (the console works offline).
 */
export function Bars(props: { title: string; data: readonly Bar[]; max?: number }) {
  const max = props.max ?? Math.max(1, ...props.data.map((bar) => bar.value ?? 0));
  return (
    <figure className="bars">
      <figcaption>{props.title}</figcaption>
      <ul>
        {props.data.map((bar) => (
          <li key={bar.label}>
            <span className="bar-label">{bar.label}</span>
            <span className="bar-track" aria-hidden="true">
              <span
                className="bar-fill"
                style={{ width: `${Math.max(0, Math.min(100, ((bar.value ?? 0) / max) * 100))}%` }}
              />
            </span>
            <span className="bar-value">{bar.text}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
