// @spool/realtime/contract: what travels over Pusher, shared by the publisher and every
// subscriber (browser and Node). Depends on nothing but zod, through `zod/mini`: its functions
// tree-shake, so a browser bundle carries only the checks the contract uses.
export * from "./channels";
export * from "./events";
export * from "./message";
export * from "./discovery";
