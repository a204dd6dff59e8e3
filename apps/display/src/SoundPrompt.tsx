import { Bilingual } from './Bilingual.tsx';

/** The one-time "press to enable sound" prompt; browsers keep audio off until someone presses. */
export function SoundPrompt({ onEnable }: { readonly onEnable: () => void }) {
  return (
    <div className="sound-prompt" role="dialog" aria-modal="false" aria-labelledby="sound-prompt-label">
      <button type="button" className="sound-prompt__button" onClick={onEnable} autoFocus>
        <SpeakerIcon />
        <span id="sound-prompt-label">
          <Bilingual id="display.sound.enable" className="sound-prompt__label" />
        </span>
      </button>
      <Bilingual id="display.sound.hint" className="sound-prompt__hint" />
    </div>
  );
}

/** A drawn speaker: TVs often lack an emoji font, and a missing glyph would leave a hole in the button. */
function SpeakerIcon() {
  return (
    <svg className="sound-prompt__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor" />
      <path
        d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}
