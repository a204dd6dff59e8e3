import { speakabilityProblems } from '../text/announcement.ts';
import type { HallConfig } from './config.ts';

/**
 * What makes a configuration coherent beyond its shape: unique ids, unique prefixes and counter
 * numbers, references that resolve. Returns every problem, in words a manager can act on (empty if none).
 */
export function configProblems(config: HallConfig): string[] {
  const problems: string[] = [];
  const duplicates = (label: string, values: readonly (string | number)[]): void => {
    const seen = new Set<string | number>();
    for (const value of values) {
      if (seen.has(value)) problems.push(`${label} ${value} appears twice`);
      seen.add(value);
    }
  };
  duplicates(
    'field',
    config.fields.map((field) => field.id),
  );
  duplicates(
    'service',
    config.services.map((service) => service.id),
  );
  duplicates(
    'prefix',
    config.services.filter((service) => service.isActive).map((service) => service.prefix),
  );
  duplicates(
    'counter',
    config.counters.map((counter) => counter.id),
  );
  duplicates(
    'counter number',
    config.counters.map((counter) => counter.number),
  );
  duplicates(
    'clerk',
    config.clerks.map((clerk) => clerk.id),
  );
  duplicates(
    'username',
    config.clerks.map((clerk) => clerk.username.toLowerCase()),
  );
  duplicates(
    'priority group',
    config.priorityGroups.map((group) => group.id),
  );
  duplicates(
    'satisfaction value',
    config.satisfaction.levels.map((level) => level.value),
  );
  const fields = new Set<string>(config.fields.map((field) => field.id));
  const services = new Set<string>(config.services.map((service) => service.id));
  for (const service of config.services) {
    if (!fields.has(service.fieldId))
      problems.push(`service ${service.id} is in unknown field ${service.fieldId}`);
    duplicates(
      `procedure of ${service.id}`,
      service.procedures.map((procedure) => procedure.id),
    );
    for (const window of service.openingHours) {
      if (window.from >= window.to)
        problems.push(
          `service ${service.id} has an opening window ${window.from}–${window.to} that ends before it starts`,
        );
    }
  }
  for (const counter of config.counters) {
    for (const serviceId of counter.serviceIds) {
      if (!services.has(serviceId))
        problems.push(`counter ${counter.id} serves unknown service ${serviceId}`);
    }
  }
  // Speakable: the displays must be able to say every call (template words, prefixes): text/announcement.ts.
  problems.push(...speakabilityProblems(config));
  if (!config.satisfaction.levels.some((level) => level.isSatisfied))
    problems.push('no satisfaction level counts as satisfied');
  try {
    new Intl.DateTimeFormat('en', { timeZone: config.hall.timeZone });
  } catch {
    problems.push(`unknown time zone ${config.hall.timeZone}`);
  }
  return problems;
}

type Identified = { readonly id: string };

function listChanges(section: string, before: readonly Identified[], after: readonly Identified[]): string[] {
  const old = new Map(before.map((item) => [item.id, JSON.stringify(item)]));
  const changes: string[] = [];
  for (const item of after) {
    const previous = old.get(item.id);
    if (previous === undefined) changes.push(`${section} ${item.id} added`);
    else if (previous !== JSON.stringify(item)) changes.push(`${section} ${item.id} changed`);
    old.delete(item.id);
  }
  for (const id of old.keys()) changes.push(`${section} ${id} removed`);
  return changes;
}

/** A short, human-readable list of what changed between two configurations, for the audit log. */
export function describeConfigChanges(before: HallConfig, after: HallConfig): string[] {
  const sectionChanged = (section: keyof HallConfig): string[] =>
    JSON.stringify(before[section]) === JSON.stringify(after[section]) ? [] : [`${section} changed`];
  return [
    ...sectionChanged('hall'),
    ...listChanges('field', before.fields, after.fields),
    ...listChanges('service', before.services, after.services),
    ...listChanges('counter', before.counters, after.counters),
    ...listChanges('clerk', before.clerks, after.clerks),
    ...listChanges('priority group', before.priorityGroups, after.priorityGroups),
    ...sectionChanged('policy'),
    ...sectionChanged('satisfaction'),
    ...sectionChanged('announcement'),
    ...sectionChanged('terminals'),
  ];
}
