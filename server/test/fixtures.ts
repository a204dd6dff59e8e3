import type { HallConfig } from '@luot/shared/domain';
import { asClerkId, asCounterId } from '@luot/shared/domain';
import { demoHallConfig } from '../src/app/demo-hall.ts';

/**
 * The demo hall grown to `counters` counters and as many clerks; each counter serves two or three of
 * the eight demo services, overlapping with its neighbours (clerk `canboN` belongs at counter `qN`).
 */
export function largeHallConfig(counters: number): HallConfig {
  const demo = demoHallConfig();
  const services = demo.services.map((service) => service.id);
  return {
    ...demo,
    counters: Array.from({ length: counters }, (_, index) => ({
      id: asCounterId(`q${index + 1}`),
      number: index + 1,
      name: { vi: `Quầy số ${index + 1}`, en: `Counter ${index + 1}` },
      serviceIds: [0, 1, 3]
        .slice(0, 2 + (index % 2))
        .map((offset) => services[(index + offset) % services.length]!),
      isActive: true,
    })),
    clerks: Array.from({ length: counters }, (_, index) => ({
      id: asClerkId(`cb${index + 1}`),
      name: `Cán bộ ${index + 1}`,
      title: 'Công chức',
      username: `canbo${index + 1}`,
      isActive: true,
    })),
  };
}
