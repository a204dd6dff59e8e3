import { useState } from 'react';
import type { HallConfig } from '@luot/shared/domain';
import { asCounterId, asServiceId } from '@luot/shared/domain';
import type { SimulationRequest } from '@luot/shared/contracts';
import type { ComparedGroup, SimulationComparison, WaitFigures } from '@luot/shared/simulation';
import { translateErrorCode } from '@luot/shared/text';
import type { AdminApi } from './api.ts';
import { BarChart } from './charts.tsx';
import { formatMinutes, localDay, useText } from './text.ts';
import './SimulatorScreen.css';

/** The hours the opening plan shows (a hall's day); the others stay closed. */
const PLAN_HOURS = Array.from({ length: 13 }, (_, index) => index + 6);

interface CounterChoice {
  readonly counterId: string;
  readonly label: string;
  readonly isIncluded: boolean;
  readonly serviceIds: readonly string[];
}

interface Form {
  from: string;
  to: string;
  target: number;
  bound: number;
  counters: CounterChoice[];
  isPlanned: boolean;
  openPerHour: number[];
  serviceTimes: 'sampled' | 'recorded';
  serviceMinutes: Record<string, string>;
  seed: number;
}

/** The form filled with the hall's current setup. */
function formFromConfig(config: HallConfig): Form {
  const yesterday = localDay(Date.now() - 86_400_000, config.hall.timeZone);
  const counters = config.counters
    .filter((counter) => counter.isActive)
    .map((counter) => ({
      counterId: counter.id,
      label: `${counter.number}`,
      isIncluded: true,
      serviceIds: counter.serviceIds.map(String),
    }));
  return {
    from: yesterday,
    to: yesterday,
    target: 30,
    bound: config.policy.priorityBound,
    counters,
    isPlanned: false,
    openPerHour: Array.from({ length: 24 }, (_, hour) => (hour >= 7 && hour < 17 ? counters.length : 0)),
    serviceTimes: 'sampled',
    serviceMinutes: {},
    seed: 1,
  };
}

/**
 * The policy simulator: a past day (or range) replayed under a candidate setup, side by side with what
 * really happened (docs/ADMIN.md, "Policy simulator").
 */
export function SimulatorScreen(props: { api: AdminApi; config: HallConfig }) {
  const { t, name, locale } = useText();
  const [form, setForm] = useState<Form>(() => formFromConfig(props.config));
  const [result, setResult] = useState<SimulationComparison | null>(null);
  const [isRunning, setIsRunning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const services = props.config.services;
  const update = (change: Partial<Form>): void => setForm((current) => ({ ...current, ...change }));
  const updateCounter = (counterId: string, change: Partial<CounterChoice>): void =>
    setForm((current) => ({
      ...current,
      counters: current.counters.map((counter) =>
        counter.counterId === counterId ? { ...counter, ...change } : counter,
      ),
    }));

  const run = async (): Promise<void> => {
    const serviceMinutes: Record<string, number> = {};
    for (const [serviceId, text] of Object.entries(form.serviceMinutes)) {
      const minutes = Number(text.replace(',', '.'));
      if (text.trim() !== '' && Number.isFinite(minutes) && minutes > 0) serviceMinutes[serviceId] = minutes;
    }
    const included = form.counters.filter((counter) => counter.isIncluded && counter.serviceIds.length > 0);
    const setup: SimulationRequest['setup'] = {
      priorityBound: form.bound,
      counters: included.map((counter) => ({
        counterId: asCounterId(counter.counterId),
        serviceIds: counter.serviceIds.map(asServiceId),
      })),
      openPerHour: form.isPlanned ? form.openPerHour : null,
      serviceMinutes,
      serviceTimes: form.serviceTimes,
      seed: form.seed,
    };
    setIsRunning(true);
    setProblem(null);
    const answer = await props.api.simulate({
      from: form.from,
      to: form.to,
      targetWaitMinutes: form.target,
      setup,
    });
    setIsRunning(false);
    if (answer.ok) setResult(answer.value);
    else {
      setResult(null);
      setProblem(translateErrorCode(locale, answer.error.code));
    }
  };

  return (
    <div className="stack simulator">
      <p className="panel">{t('admin.sim.intro')}</p>
      <form
        className="stack"
        aria-busy={isRunning}
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <fieldset className="panel row">
          <legend>{t('admin.sim.period')}</legend>
          <label className="inline">
            {t('admin.sim.from')}
            <input type="date" value={form.from} onChange={(e) => update({ from: e.target.value })} />
          </label>
          <label className="inline">
            {t('admin.sim.to')}
            <input type="date" value={form.to} onChange={(e) => update({ to: e.target.value })} />
          </label>
          <label className="inline">
            {t('admin.sim.target')}
            <input
              className="short"
              type="number"
              min={1}
              max={480}
              value={form.target}
              onChange={(e) => update({ target: Number(e.target.value) || 30 })}
            />
          </label>
          <label className="inline">
            {t('admin.sim.bound')}
            <input
              className="short"
              type="number"
              min={1}
              max={50}
              value={form.bound}
              onChange={(e) => update({ bound: Math.max(1, Number(e.target.value) || 1) })}
            />
          </label>
        </fieldset>

        <fieldset className="panel stack">
          <legend>{t('admin.sim.counters')}</legend>
          {form.counters.map((counter) => {
            const configured = props.config.counters.find((candidate) => candidate.id === counter.counterId);
            const counterName = configured ? name(configured.name) : counter.counterId;
            return (
              <div className="sim-counter" key={counter.counterId}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={counter.isIncluded}
                    onChange={(e) => updateCounter(counter.counterId, { isIncluded: e.target.checked })}
                  />
                  <span className="sim-counter-name">
                    {counterName} — {t('admin.sim.counterIncluded')}
                  </span>
                </label>
                <div className="sim-services" role="group" aria-label={counterName}>
                  {services
                    .filter((service) => service.isActive)
                    .map((service) => (
                      <label className="check" key={service.id}>
                        <input
                          type="checkbox"
                          disabled={!counter.isIncluded}
                          checked={counter.serviceIds.includes(service.id)}
                          onChange={(e) =>
                            updateCounter(counter.counterId, {
                              serviceIds: e.target.checked
                                ? [...counter.serviceIds, service.id]
                                : counter.serviceIds.filter((id) => id !== service.id),
                            })
                          }
                        />
                        <span>{name(service.name)}</span>
                      </label>
                    ))}
                </div>
              </div>
            );
          })}
        </fieldset>

        <fieldset className="panel stack">
          <legend>{t('admin.sim.opening')}</legend>
          <label className="check">
            <input
              type="radio"
              name="opening"
              checked={!form.isPlanned}
              onChange={() => update({ isPlanned: false })}
            />
            <span>{t('admin.sim.openingActual')}</span>
          </label>
          <label className="check">
            <input
              type="radio"
              name="opening"
              checked={form.isPlanned}
              onChange={() => update({ isPlanned: true })}
            />
            <span>{t('admin.sim.openingPlan')}</span>
          </label>
          <div className="sim-hours">
            {PLAN_HOURS.map((hour) => (
              <label className="sim-hour" key={hour}>
                <span>{t('admin.sim.hour', { hour: `${String(hour).padStart(2, '0')}:00` })}</span>
                <input
                  type="number"
                  min={0}
                  max={200}
                  disabled={!form.isPlanned}
                  value={form.openPerHour[hour] ?? 0}
                  onChange={(e) =>
                    update({
                      openPerHour: form.openPerHour.map((value, index) =>
                        index === hour ? Math.max(0, Number(e.target.value) || 0) : value,
                      ),
                    })
                  }
                />
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset className="panel stack">
          <legend>{t('admin.sim.serviceTimes')}</legend>
          <label className="check">
            <input
              type="radio"
              name="service-times"
              checked={form.serviceTimes === 'sampled'}
              onChange={() => update({ serviceTimes: 'sampled' })}
            />
            <span>{t('admin.sim.serviceTimesSampled')}</span>
          </label>
          <label className="check">
            <input
              type="radio"
              name="service-times"
              checked={form.serviceTimes === 'recorded'}
              onChange={() => update({ serviceTimes: 'recorded' })}
            />
            <span>{t('admin.sim.serviceTimesRecorded')}</span>
          </label>
          <p className="muted">{t('admin.sim.expected')}</p>
          <div className="sim-expected">
            {services
              .filter((service) => service.isActive)
              .map((service) => (
                <label className="sim-expected-row" key={service.id}>
                  <span>{name(service.name)}</span>
                  <input
                    className="short"
                    inputMode="decimal"
                    value={form.serviceMinutes[service.id] ?? ''}
                    onChange={(e) =>
                      update({ serviceMinutes: { ...form.serviceMinutes, [service.id]: e.target.value } })
                    }
                  />
                </label>
              ))}
          </div>
          <label className="inline">
            {t('admin.sim.seed')}
            <input
              className="short"
              type="number"
              min={0}
              value={form.seed}
              onChange={(e) => update({ seed: Math.max(0, Math.floor(Number(e.target.value) || 0)) })}
            />
          </label>
        </fieldset>

        <div className="row">
          <button className="primary" type="submit" disabled={isRunning}>
            {t('admin.sim.run')}
          </button>
          <button type="button" onClick={() => setForm(formFromConfig(props.config))}>
            {t('admin.sim.reset')}
          </button>
          {isRunning && (
            <span role="status" className="muted">
              {t('admin.sim.running')}
            </span>
          )}
        </div>
      </form>
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      {result && (
        <section className="stack" aria-label={t('admin.sim.summary')} data-testid="simulation-result">
          {result.days.length === 0 ? (
            <p className="panel">{t('admin.sim.noDays')}</p>
          ) : (
            <>
              <p className="muted">{t('admin.sim.days', { days: result.days.join(', ') })}</p>
              {result.notReplayed > 0 && (
                <p className="problem">{t('admin.sim.notReplayed', { count: result.notReplayed })}</p>
              )}
              <SummaryTable result={result} />
              <GroupTable title={t('admin.sim.byService')} groups={result.byService} />
              <GroupTable title={t('admin.sim.byPriority')} groups={result.byPriority} />
              <section className="charts">
                <BarChart
                  title={t('admin.sim.chartWait')}
                  series={[t('admin.sim.real'), t('admin.sim.simulated')]}
                  unit={locale === 'vi' ? ' phút' : ' min'}
                  data={result.byHour.map((hour) => ({
                    label: `${String(hour.hour).padStart(2, '0')}h`,
                    values: [
                      (hour.real.averageWaitMs ?? 0) / 60_000,
                      (hour.simulated.averageWaitMs ?? 0) / 60_000,
                    ],
                  }))}
                />
                <BarChart
                  title={t('admin.sim.chartQueue')}
                  series={[t('admin.sim.real'), t('admin.sim.simulated')]}
                  data={result.byHour.map((hour) => ({
                    label: `${String(hour.hour).padStart(2, '0')}h`,
                    values: [hour.real.longestQueue, hour.simulated.longestQueue],
                  }))}
                />
              </section>
            </>
          )}
          <p className="panel muted">{t('admin.sim.limits')}</p>
        </section>
      )}
    </div>
  );
}

function SummaryTable(props: { result: SimulationComparison }) {
  const { t, locale } = useText();
  const { real, simulated } = props.result;
  const rows: [string, string, string][] = [
    [
      t('admin.sim.medianWait'),
      formatMinutes(locale, real.waits.p50Ms),
      formatMinutes(locale, simulated.waits.p50Ms),
    ],
    [
      t('admin.sim.p90Wait'),
      formatMinutes(locale, real.waits.p90Ms),
      formatMinutes(locale, simulated.waits.p90Ms),
    ],
    [
      t('admin.sim.maxWait'),
      formatMinutes(locale, real.waits.maxMs),
      formatMinutes(locale, simulated.waits.maxMs),
    ],
    [t('admin.sim.pastTarget'), String(real.waits.pastTarget), String(simulated.waits.pastTarget)],
    [t('admin.sim.longestQueue'), String(real.longestQueue), String(simulated.longestQueue)],
    [t('admin.sim.idle'), formatHours(locale, real.idleMs), formatHours(locale, simulated.idleMs)],
  ];
  return (
    <div className="panel table-scroll">
      <table className="dense" aria-label={t('admin.sim.summary')}>
        <thead>
          <tr>
            <th scope="col">{t('admin.sim.summary')}</th>
            <th scope="col" className="num">
              {t('admin.sim.real')}
            </th>
            <th scope="col" className="num">
              {t('admin.sim.simulated')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, realValue, simulatedValue]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="num">{realValue}</td>
              <td className="num">{simulatedValue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function GroupTable(props: { title: string; groups: readonly ComparedGroup[] }) {
  const { t, name, locale } = useText();
  const pair = (real: WaitFigures, simulated: WaitFigures, pick: (figures: WaitFigures) => number | null) => (
    <>
      <td className="num">{formatMinutes(locale, pick(real))}</td>
      <td className="num">{formatMinutes(locale, pick(simulated))}</td>
    </>
  );
  return (
    <div className="panel table-scroll">
      <h2>{props.title}</h2>
      <table className="dense" aria-label={props.title}>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t('admin.sim.group')}
            </th>
            <th scope="col" rowSpan={2} className="num">
              {t('admin.sim.visitors')}
            </th>
            <th scope="colgroup" colSpan={2}>
              {t('admin.sim.medianWait')}
            </th>
            <th scope="colgroup" colSpan={2}>
              {t('admin.sim.p90Wait')}
            </th>
            <th scope="colgroup" colSpan={2}>
              {t('admin.sim.maxWait')}
            </th>
            <th scope="colgroup" colSpan={2}>
              {t('admin.sim.pastTarget')}
            </th>
          </tr>
          <tr>
            {[0, 1, 2, 3].flatMap((index) => [
              <th scope="col" className="num" key={`r${index}`}>
                {t('admin.sim.real')}
              </th>,
              <th scope="col" className="num" key={`s${index}`}>
                {t('admin.sim.simulated')}
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {props.groups.map((group) => (
            <tr key={group.key}>
              <th scope="row" className="wrap">
                {name(group.label)}
              </th>
              <td className="num">{group.real.visitors}</td>
              {pair(group.real, group.simulated, (figures) => figures.p50Ms)}
              {pair(group.real, group.simulated, (figures) => figures.p90Ms)}
              {pair(group.real, group.simulated, (figures) => figures.maxMs)}
              <td className="num">{group.real.pastTarget}</td>
              <td className="num">{group.simulated.pastTarget}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "3,5 giờ" / "3.5 h" from milliseconds. */
function formatHours(locale: 'vi' | 'en', ms: number): string {
  const hours = Math.round((ms / 3_600_000) * 10) / 10;
  return `${hours.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB')} ${locale === 'vi' ? 'giờ' : 'h'}`;
}
