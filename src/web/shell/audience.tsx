// Who sees which side: staff use the console, customers the portal; the server's abilities decide.
import { Navigate, Outlet } from "react-router";
import { ConsoleLayout } from "../console/ConsoleLayout";
import { PortalLayout } from "../portal/PortalLayout";
import { useCurrentUser } from "./current-user";

/** "/": the console for staff, the company's tickets for customers. */
export function HomeRedirect() {
  const { abilities } = useCurrentUser();
  return <Navigate to={abilities.useConsole ? "/console" : "/portal/tickets"} replace />;
}

/** Pages both sides share (the profile) sit in the frame of the user's own side. */
export function AudienceLayout() {
  const { abilities } = useCurrentUser();
  return abilities.useConsole ? <ConsoleLayout /> : <PortalLayout />;
}

export function PortalOnly() {
  const { abilities } = useCurrentUser();
  return abilities.useConsole ? <Navigate to="/console" replace /> : <Outlet />;
}

export function ConsoleOnly() {
  const { abilities } = useCurrentUser();
  return abilities.useConsole ? <Outlet /> : <Navigate to="/" replace />;
}
