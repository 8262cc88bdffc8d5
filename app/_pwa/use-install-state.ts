"use client";

import { useSyncExternalStore } from "react";
import { getInstallState, subscribeInstallState, type InstallState } from "./install-events";

const serverState = (): InstallState => "unavailable";

export function useInstallState(): InstallState {
  return useSyncExternalStore(subscribeInstallState, getInstallState, serverState);
}
