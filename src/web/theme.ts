// The portal's look: UNO blue, system fonts (the CSP allows no font CDN), calm rounded surfaces.
import { createTheme, type MantineColorsTuple } from "@mantine/core";

const unoBlue: MantineColorsTuple = [
  "#eaf2fd",
  "#d3e3f8",
  "#a6c4ee",
  "#76a3e4",
  "#4f87dc",
  "#3775d7",
  "#296bd5",
  "#1c5fb8",
  "#134f9c",
  "#00428a",
];

export const theme = createTheme({
  primaryColor: "uno",
  primaryShade: 7,
  colors: { uno: unoBlue },
  defaultRadius: "md",
  cursorType: "pointer",
  headings: { fontWeight: "650" },
});
