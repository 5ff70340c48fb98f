// @spool/realtime/contract: what travels over Pusher, shared by the publisher and every
// subscriber (browser and Node). Depends on nothing but zod.
export * from "./channels";
export * from "./events";
export * from "./message";
export * from "./discovery";
