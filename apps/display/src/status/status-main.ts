import '@luot/client/theme.css';
import './status.css';
import type { Locale } from '@luot/shared/text';
import { formatTimeVi, translate } from '@luot/shared/text';
import type { PollResult, StatusPageState } from './status-model.ts';
import {
  INITIAL_STATUS_STATE,
  codeFromLocation,
  describeTicket,
  foldPoll,
  pollTicket,
} from './status-model.ts';

// The public ticket-status page (/t/<code>): plain DOM, no framework, so it loads fast on an old phone.
// It polls every 5 s while visible, at once when the page becomes visible or the phone comes back online,
// and keeps the last answer on screen while the hall server cannot be reached.

const POLL_INTERVAL_MS = 5_000;
const REQUEST_TIMEOUT_MS = 8_000;
const LOCALE_KEY = 'luot.status.locale';

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`status.html lacks #${id}`);
  return found;
}

const view = {
  main: document.querySelector('main') ?? document.body,
  hallName: element('hall-name'),
  language: element('language'),
  link: element('link'),
  numberLabel: element('number-label'),
  number: element('number'),
  service: element('service'),
  state: element('state'),
  called: element('called'),
  headline: element('headline'),
  counterLine: element('counter-line'),
  wait: element('wait'),
  aheadLabel: element('ahead-label'),
  ahead: element('ahead'),
  waitLabel: element('wait-label'),
  waitText: element('wait-text'),
  message: element('message'),
  updated: element('updated'),
  note: element('note'),
  alertArm: element('alert-arm'),
  alertArmed: element('alert-armed'),
};

function readLocale(): Locale {
  try {
    return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

const localZone = ((): string => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Ho_Chi_Minh';
  } catch {
    return 'Asia/Ho_Chi_Minh';
  }
})();

let locale: Locale = readLocale();
let page: StatusPageState = INITIAL_STATUS_STATE;
/** Set once the visitor pressed "ring and vibrate": browsers allow sound and vibration only after a touch. */
let alertAudio: AudioContext | null = null;
const code = codeFromLocation(location.pathname, location.search);

function show(node: HTMLElement, text: string | null): void {
  node.textContent = text ?? '';
  node.hidden = text === null || text === '';
}

function render(): void {
  document.documentElement.lang = locale;
  view.language.textContent = translate(locale, 'status.switchLanguage');
  view.language.lang = locale === 'vi' ? 'en' : 'vi';
  view.numberLabel.textContent = translate(locale, 'status.yourNumber');
  view.aheadLabel.textContent = translate(locale, 'status.peopleAhead');
  view.waitLabel.textContent = translate(locale, 'status.wait');
  view.note.textContent = translate(locale, 'status.liveNote');
  show(view.link, page.link === 'reconnecting' ? translate(locale, 'status.reconnecting') : null);
  view.main.dataset.link = page.link;

  const ticket = page.ticket;
  const isNotFound = page.link === 'not-found';
  // The heading stays: "Theo dõi số thứ tự" when there is no ticket to name.
  if (isNotFound) view.numberLabel.textContent = translate(locale, 'status.title');
  view.number.hidden = isNotFound;
  view.state.hidden = isNotFound;
  view.note.hidden = isNotFound;
  view.alertArm.textContent = translate(locale, 'status.alert.arm');
  view.alertArmed.textContent = translate(locale, 'status.alert.armed');
  view.alertArm.hidden = true;
  view.alertArmed.hidden = true;
  if (ticket === null) {
    view.main.dataset.tone = isNotFound ? 'problem' : 'waiting';
    view.number.textContent = '…';
    show(view.service, null);
    view.state.textContent = translate(locale, 'status.loading');
    view.called.hidden = true;
    view.wait.hidden = true;
    show(view.message, isNotFound ? translate(locale, 'status.notFound') : null);
    show(view.updated, null);
    document.title = `Lượt — ${translate(locale, 'status.title')}`;
    return;
  }
  const described = describeTicket(ticket, locale);
  view.main.dataset.tone = described.tone;
  view.hallName.textContent = described.hallName;
  view.number.textContent = described.number;
  show(view.service, described.serviceName);
  view.state.textContent = described.statusLabel;
  view.called.hidden = described.headline === null;
  view.headline.textContent = described.headline ?? '';
  show(view.counterLine, described.tone === 'called' ? described.counterLine : null);
  view.wait.hidden = described.tone !== 'waiting';
  view.ahead.textContent = described.peopleAhead === null ? '—' : String(described.peopleAhead);
  view.waitText.textContent = described.waitText ?? '';
  show(view.message, described.message);
  // Once the ticket is over, nothing is left to listen for: no "listen for the call", no alert button.
  view.note.hidden = !described.isOpen;
  view.alertArm.hidden = !described.isOpen || alertAudio !== null;
  view.alertArmed.hidden = !described.isOpen || alertAudio === null;
  show(
    view.updated,
    page.updatedAt === null
      ? null
      : translate(locale, 'status.updatedAt', { time: formatTimeVi(page.updatedAt, localZone) }),
  );
  document.title =
    described.tone === 'called' && described.counterLine !== null
      ? `🔔 ${described.number} → ${described.counterLine}`
      : `${described.number} — ${described.statusLabel}`;
}

function fetchWithTimeout(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  return fetch(input, { ...init, signal: controller.signal }).finally(() => clearTimeout(timer));
}

let timer: ReturnType<typeof setTimeout> | undefined;
let isPolling = false;

function schedule(): void {
  clearTimeout(timer);
  if (document.visibilityState === 'visible' && page.link !== 'not-found') {
    timer = setTimeout(() => void poll(), POLL_INTERVAL_MS);
  }
}

async function poll(): Promise<void> {
  if (code === null || isPolling) return;
  isPolling = true;
  const before = page.ticket?.status;
  let result: PollResult;
  try {
    result = await pollTicket(code, fetchWithTimeout, Date.now);
  } finally {
    isPolling = false;
  }
  page = foldPoll(page, result);
  if (before !== undefined && before !== 'called' && page.ticket?.status === 'called') ring();
  render();
  schedule();
}

/** Two short tones, loud enough for a pocket (only once the visitor armed the page). */
function chime(audio: AudioContext): void {
  const start = audio.currentTime + 0.05;
  [880, 660].forEach((frequency, index) => {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + index * 0.35);
    gain.gain.exponentialRampToValueAtTime(0.5, start + index * 0.35 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + index * 0.35 + 0.3);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start + index * 0.35);
    oscillator.stop(start + index * 0.35 + 0.32);
  });
}

/** The turn has come: buzz (where the browser allows) and, if armed, ring. */
function ring(): void {
  navigator.vibrate?.([300, 120, 300]);
  if (alertAudio !== null) chime(alertAudio);
}

view.alertArm.addEventListener('click', () => {
  // Created inside the touch, so the browser lets it play later; a short buzz and tone confirm it works.
  const AudioContextClass = window.AudioContext as typeof AudioContext | undefined;
  alertAudio = AudioContextClass === undefined ? null : new AudioContextClass();
  if (alertAudio !== null) {
    void alertAudio.resume();
    chime(alertAudio);
  }
  navigator.vibrate?.(200);
  render();
  // A phone without Web Audio still vibrates; say so by showing the armed line anyway.
  if (alertAudio === null) {
    view.alertArm.hidden = true;
    view.alertArmed.hidden = false;
  }
});

view.language.addEventListener('click', () => {
  locale = locale === 'vi' ? 'en' : 'vi';
  try {
    localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // Private browsing: the choice lasts for this page only.
  }
  render();
});
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void poll();
  else clearTimeout(timer);
});
window.addEventListener('online', () => void poll());

if (code === null) {
  page = { ticket: null, updatedAt: null, link: 'not-found' };
  render();
} else {
  render();
  void poll();
}
