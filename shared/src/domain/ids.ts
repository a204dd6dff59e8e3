/**
 * Branded identifiers: a `ServiceId` can never be passed where a `CounterId` is expected, although both
 * are strings on the wire. Construct them only where input has been validated (contracts, storage).
 */
declare const brand: unique symbol;
/** A value of type `T` tagged with a compile-time-only brand `B`. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A ticket's global id: a positive integer, never reused, not the printed number. */
export type TicketId = Brand<number, 'TicketId'>;
/** A service (one queue), e.g. `dat-dai-cap-so`. */
export type ServiceId = Brand<string, 'ServiceId'>;
/** A field (lĩnh vực) grouping services on the kiosk. */
export type FieldId = Brand<string, 'FieldId'>;
/** A counter (quầy), e.g. `q5`. */
export type CounterId = Brand<string, 'CounterId'>;
/** A clerk (cán bộ) who signs in at a counter. */
export type ClerkId = Brand<string, 'ClerkId'>;
/** A paired device: kiosk, display, counter terminal, feedback tablet or manager console. */
export type DeviceId = Brand<string, 'DeviceId'>;
/** A priority group, e.g. `elderly`. */
export type PriorityGroupId = Brand<string, 'PriorityGroupId'>;
/** A procedure (thủ tục) listed under a service. */
export type ProcedureId = Brand<string, 'ProcedureId'>;

/** Brand a validated ticket id. */
export const asTicketId = (value: number): TicketId => value as TicketId;
/** Brand a validated service id. */
export const asServiceId = (value: string): ServiceId => value as ServiceId;
/** Brand a validated field id. */
export const asFieldId = (value: string): FieldId => value as FieldId;
/** Brand a validated counter id. */
export const asCounterId = (value: string): CounterId => value as CounterId;
/** Brand a validated clerk id. */
export const asClerkId = (value: string): ClerkId => value as ClerkId;
/** Brand a validated device id. */
export const asDeviceId = (value: string): DeviceId => value as DeviceId;
/** Brand a validated priority group id. */
export const asPriorityGroupId = (value: string): PriorityGroupId => value as PriorityGroupId;
/** Brand a validated procedure id. */
export const asProcedureId = (value: string): ProcedureId => value as ProcedureId;
