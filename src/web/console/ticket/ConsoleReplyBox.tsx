// The reply box on a console ticket: the shared box plus canned responses (button, Ctrl/⌘+Shift+R or
// "\" at the start of a line), the r and n shortcuts, and presence: "viewing" while the page is open,
// "replying" while the box has text or focus.
import { Button, Tooltip } from "@mantine/core";
import { IconMessageBolt } from "@tabler/icons-react";
import { type KeyboardEvent, useRef, useState } from "react";
import type { Ticket } from "../../../contracts/tickets";
import { ReplyBox, type ReplyBoxHandle } from "../../components/tickets/ReplyBox";
import { useI18n } from "../../i18n/i18n";
import { CannedResponsePicker } from "./CannedResponsePicker";
import { CannedResponsesDrawer } from "./CannedResponsesDrawer";
import { useTicketShortcuts } from "./TicketShortcuts";
import { useAnnouncePresence } from "./use-presence";

/** The cursor stands at the start of a line, with nothing selected. */
function atLineStart(text: HTMLTextAreaElement): boolean {
  const { selectionStart, selectionEnd, value } = text;
  return selectionStart === selectionEnd && (selectionStart === 0 || value[selectionStart - 1] === "\n");
}

export function ConsoleReplyBox({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const replyBox = useRef<ReplyBoxHandle>(null);
  const [composing, setComposing] = useState(false);
  const [overlay, setOverlay] = useState<"picker" | "manager" | null>(null);
  useAnnouncePresence(ticket.number, composing ? "replying" : "viewing");
  const openPicker = () => setOverlay("picker");
  useTicketShortcuts("shortcuts.replyGroup", {
    r: () => replyBox.current?.focus(false),
    n: () => replyBox.current?.focus(true),
    "mod+shift+R": openPicker,
  });

  const onTextKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== "\\" || event.ctrlKey || event.metaKey || event.altKey) return;
    if (!atLineStart(event.currentTarget)) return;
    event.preventDefault();
    openPicker();
  };
  return (
    <>
      <ReplyBox
        ticket={ticket}
        ref={replyBox}
        onComposingChange={setComposing}
        onTextKeyDown={onTextKeyDown}
        tools={
          <Tooltip label={t("canned.keystrokeHint")} multiline w={260}>
            <Button
              variant="default"
              leftSection={<IconMessageBolt size={16} aria-hidden />}
              onClick={openPicker}
            >
              {t("canned.button")}
            </Button>
          </Tooltip>
        }
      />
      <CannedResponsePicker
        opened={overlay === "picker"}
        ticketNumber={ticket.number}
        onInsert={(text) => replyBox.current?.insert(text)}
        onManage={() => setOverlay("manager")}
        onClose={() => {
          setOverlay(null);
          replyBox.current?.focus();
        }}
      />
      <CannedResponsesDrawer opened={overlay === "manager"} onClose={() => setOverlay(null)} />
    </>
  );
}
