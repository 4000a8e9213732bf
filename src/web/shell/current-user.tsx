// The signed-in user for pages behind the guard, so they never handle the signed-out case themselves.
import { createContext, type ReactNode, useContext } from "react";
import type { Me } from "../../contracts/auth";

const CurrentUserContext = createContext<Me | null>(null);

export function CurrentUserProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <CurrentUserContext.Provider value={me}>{children}</CurrentUserContext.Provider>;
}

export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error("useCurrentUser must be used behind <RequireSignedIn>");
  return me;
}
