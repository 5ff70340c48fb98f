"use client";

// The browser's realtime connection id, sent with every API call so that the server leaves
// this tab out when it announces the tab's own change (it has already shown it).
let socketId: string | undefined;

export function setSocketId(id: string | undefined): void {
  socketId = id;
}

export function socketIdHeader(): Record<string, string> {
  return socketId ? { "x-socket-id": socketId } : {};
}
