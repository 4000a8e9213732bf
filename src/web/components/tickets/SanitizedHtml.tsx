// Shows HTML the server rendered from Markdown and sanitized (the contracts' `*Html` fields); nothing else.
import { Typography, type TypographyProps } from "@mantine/core";

interface SanitizedHtmlProps extends TypographyProps {
  /** Only a contract field documented as sanitized HTML: `descriptionHtml`, `bodyHtml`, `answerHtml`. */
  html: string;
}

export function SanitizedHtml({ html, ...props }: SanitizedHtmlProps) {
  return (
    <Typography {...props}>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the server sanitizes every *Html field it sends. */}
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
