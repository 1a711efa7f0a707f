/** The big screen's palette: glowing accents on deep navy. */
export const screenColors = {
  cyan: '#3de7ff',
  blue: '#4d8dff',
  gold: '#ffc53d',
  purple: '#a78bfa',
  green: '#34d399',
  pink: '#f472b6',
  orange: '#fb923c',
  slate: '#64748b',
} as const;

/** One colour per traffic source, stable across sessions; unknown sources cycle through the rest. */
export const sourceColors: Record<string, string> = {
  recommend_feed: screenColors.cyan,
  followers: screenColors.gold,
  paid_ads: screenColors.pink,
  short_video: screenColors.purple,
  search: screenColors.green,
  other: screenColors.orange,
  unknown: screenColors.slate,
};

const spare = [screenColors.blue, screenColors.orange, screenColors.green, screenColors.pink];

export function sourceColor(source: string, index: number): string {
  return sourceColors[source] ?? spare[index % spare.length] ?? screenColors.blue;
}
