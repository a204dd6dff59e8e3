import type {
  CatalogueOffer,
  HubLinkStatus,
  Identity,
  ProvinceCatalogue,
  WireError,
} from '@luot/shared/contracts';
import { mergeCatalogue } from '@luot/shared/domain';
import type { HallService } from './hall-service.ts';
import { requestFingerprint } from './request-fingerprint.ts';

/**
 * The hall's link to its province hub as the console needs it. Implemented by the shipper
 * (server/hub-link), wired in hall-server.ts: this layer never imports it (nothing here runs in a
 * command's path).
 */
export interface HubLinkPort {
  linkStatus(): HubLinkStatus;
  /** The province's newest catalogue from the hub (null: the province has none yet). */
  fetchCatalogue(): Promise<ProvinceCatalogue | null>;
}

/** The link panel of a hall with no hub: nothing is shipped, nothing changes. */
const NO_HUB: HubLinkStatus = {
  isEnabled: false,
  hubUrl: null,
  isConnected: false,
  acknowledgedVersion: 0,
  hallVersion: 0,
  eventsBehind: 0,
  lastSuccessAt: null,
  lastAttemptAt: null,
  lastError: null,
  publicUrl: null,
};

type Outcome<T> = { ok: true; value: T } | { ok: false; error: WireError };

/**
 * The manager console's view of the province hub: the link's state, and the province catalogue with
 * what taking it would change; accepting it is a configuration change like any other (one
 * `hall.configured` event, checked by the same rules).
 */
export class HubLinkConsole {
  constructor(
    private readonly service: HallService,
    private readonly link: HubLinkPort | null,
  ) {}

  status(): HubLinkStatus {
    return this.link ? this.link.linkStatus() : { ...NO_HUB, hallVersion: this.service.state.version };
  }

  /** The province's newest catalogue from the hub, or why it cannot be had. */
  private async fetchCatalogue(): Promise<Outcome<ProvinceCatalogue | null>> {
    if (!this.link)
      return { ok: false, error: { code: 'NOT_FOUND', message: 'this hall has no province hub' } };
    try {
      return { ok: true, value: await this.link.fetchCatalogue() };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'INTERNAL', message: `the hub cannot be reached: ${reason}` } };
    }
  }

  /** The province catalogue and what it would change here, or null when there is none. */
  async offer(): Promise<Outcome<CatalogueOffer | null>> {
    const fetched = await this.fetchCatalogue();
    if (!fetched.ok) return fetched;
    const catalogue = fetched.value;
    if (!catalogue) return { ok: true, value: null };
    const { changes } = mergeCatalogue(this.service.hallConfig, catalogue.body);
    return { ok: true, value: { version: catalogue.version, createdAt: catalogue.createdAt, changes } };
  }

  /** Take the catalogue version the manager reviewed (refused if the province has saved a newer one since). */
  async accept(identity: Identity, requestId: string, version: number): Promise<Outcome<CatalogueOffer>> {
    // A repeat of an accepted request is answered from the stored configure answer: nothing to list then.
    let offer: CatalogueOffer = { version, createdAt: 0, changes: [] };
    const ack = await this.service.answerOnce(
      identity,
      requestId,
      requestFingerprint('hub:accept-catalogue', { version }),
      async () => {
        const fetched = await this.fetchCatalogue();
        if (!fetched.ok) return fetched;
        const catalogue = fetched.value;
        if (!catalogue)
          return { ok: false, error: { code: 'NOT_FOUND', message: 'the province has no catalogue' } };
        if (catalogue.version !== version)
          return {
            ok: false,
            error: {
              code: 'INVALID_STATE',
              message: `the province saved version ${catalogue.version} since; review it again`,
            },
          };
        const { config, changes } = mergeCatalogue(this.service.hallConfig, catalogue.body);
        offer = { version, createdAt: catalogue.createdAt, changes };
        return this.service.command(identity, requestId, { type: 'configure', config });
      },
    );
    if (!ack.ok) return ack;
    return { ok: true, value: offer };
  }
}
