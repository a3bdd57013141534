/**
 * Social cards: a 1200×630 PNG per page, drawn at build time with satori (layout and text, as
 * SVG paths) and resvg (SVG → PNG), in `card-draw.ts`. This module says what a card shows, as
 * satori's element tree; in `astro build` the build's worker draws it (`card-painter.ts`).
 */
import config from 'virtual:astro-long-read/config';
import { cached } from '../cache';
import { type CardJob, type CardNode as Node, cardFonts, drawPng, drawSvg, drawnBy, resvgOptions } from './card-draw';
import { CARD_CACHE, painter } from './card-painter';
import { stripLayout, stripScope } from '../../show/chart/strip-layout';
import type { Timeline } from '../../model/timeline';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** What one card shows. */
export interface CardContent {
	/** Small capitals above the title: "The river and the town · Section 1 of 3". */
	kicker: string;
	title: string;
	/** The page's era or dates: "1900–1989". */
	dates: string;
	/** One or two lines under the dates. */
	summary: string;
	/** The era to highlight on the strip (a section's id). */
	current?: string | undefined;
}

/** The cards' colours: the site's light palette, as `longRead({ card: { colours } })` gives it. */
const COLOURS = config.card.colours;

const PAD_X = 80;
export const STRIP_WIDTH = CARD_WIDTH - 2 * PAD_X;

const h = (style: Record<string, string | number>, children?: Node['props']['children']): Node => ({ type: 'div', props: { style, children } });

/**
 * A box of the strip where satori puts it: yoga keeps lengths as 32-bit floats and rounds each
 * edge to the pixel grid (the strip itself sits at whole pixels).
 */
function onGrid(left: number, top: number, width: number, height: number) {
	const f = Math.fround;
	const [x0, y0] = [f(left), f(top)];
	const [x, y] = [Math.round(x0), Math.round(y0)];
	return { x, y, width: Math.round(x0 + f(width)) - x, height: Math.round(y0 + f(height)) - y };
}

/**
 * The strip's lines, a decade's each (a hundred and more at a length of centuries), as one SVG
 * picture: laid out as boxes they were most of satori's work on a card. Each line is where satori
 * put its box, so the card's pixels are the same. It has a margin: the first and last lines reach
 * a pixel past the strip. Nothing of it leaves its box, so the card draws it in place.
 */
export function lines(xs: number[], top: number, height: number, stripHeight: number, colour: string): Node {
	const margin = 4;
	const width = STRIP_WIDTH + 2 * margin;
	const rects = xs.map((x) => {
		const box = onGrid(x - 1, top, 2, height);
		// Inside the picture, which the card draws in place (`inlinePictures`).
		if (box.x + margin < 0 || box.x + margin + box.width > width || box.y < 0 || box.y + box.height > stripHeight) throw new RangeError(`lines: a line at ${x} px, from ${top} px for ${height} px, leaves the strip's picture`);
		return `<rect x="${box.x + margin}" y="${box.y}" width="${box.width}" height="${box.height}" fill="${colour}"/>`;
	});
	const picture = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${stripHeight}">${rects.join('')}</svg>`;
	return {
		type: 'img',
		props: { src: `data:image/svg+xml;base64,${Buffer.from(picture).toString('base64')}`, width, height: stripHeight, style: { position: 'absolute', left: -margin, top: 0 } },
	};
}

/** The timeline strip at card size: its lines as one picture, the rest as absolutely placed boxes. */
function strip(timeline: Timeline, current: string | undefined, inPlace: string[]): Node {
	const s = stripLayout(timeline, { minWidth: STRIP_WIDTH, current, scale: 1.75, labels: 'titles', scope: stripScope(timeline, current) });
	const x = (fraction: number) => Math.round(fraction * STRIP_WIDTH * 10) / 10;
	// The lines first, under everything; no word touches them.
	const picture = lines(s.ticks.map((tick) => x(tick.x)), s.bandY, s.eventY + s.eventHeight - s.bandY, s.height, COLOURS.rule);
	inPlace.push(picture.props.src!);
	const boxes: Node[] = [picture];
	for (const tick of s.ticks) {
		if (tick.label) {
			boxes.push(
				h({ position: 'absolute', left: x(tick.x) - 50, top: s.tickY - s.fontSize, width: 100, display: 'flex', justifyContent: 'center', fontSize: s.fontSize, color: COLOURS.muted }, tick.label),
			);
		}
	}
	for (const era of s.eras) {
		const highlighted = era.current || !current;
		boxes.push(
			h({
				position: 'absolute',
				left: x(era.x0),
				top: s.bandY,
				width: Math.max(2, x(era.x1) - x(era.x0)),
				height: s.bandHeight,
				backgroundColor: era.current ? COLOURS.accent : COLOURS.band[era.index % 2]!,
				borderRight: `2px solid ${COLOURS.bg}`,
				opacity: highlighted ? 1 : 0.55,
			}),
		);
		if (!era.text) continue;
		const place: Record<string, number> = era.label.anchor === 'start' ? { left: x(era.label.x) } : { right: STRIP_WIDTH - x(era.label.x) };
		boxes.push(
			h(
				{ position: 'absolute', ...place, top: era.labelY - s.fontSize, fontSize: s.fontSize, fontWeight: highlighted ? 700 : 400, color: era.current ? COLOURS.fg : COLOURS.muted, whiteSpace: 'nowrap' },
				era.text,
			),
		);
	}
	for (const event of s.events) {
		boxes.push(
			h({
				position: 'absolute',
				left: x(event.x) - 1.5,
				top: s.eventY,
				width: 3,
				height: s.eventHeight,
				backgroundColor: event.current ? COLOURS.accent : COLOURS.muted,
				opacity: event.epilogue ? 0.6 : 1,
			}),
		);
	}
	boxes.push(h({ position: 'absolute', left: x(s.published) - 1.5, top: s.bandY - 8, width: 0, height: s.eventY + s.eventHeight - s.bandY + 8, borderLeft: `3px dashed ${COLOURS.fg}` }));
	return h({ position: 'relative', display: 'flex', flexShrink: 0, width: STRIP_WIDTH, height: s.height }, boxes);
}

/**
 * The card as satori's element tree: everything the picture shows, as plain data; with the `src`
 * of each picture in it that draws nothing outside its box.
 */
function cardTree(content: CardContent, timeline: Timeline): Pick<CardJob, 'tree' | 'inPlace'> {
	const inPlace: string[] = [];
	const title = content.title.length > 22 ? 68 : 84;
	const card = h(
		{
			width: CARD_WIDTH,
			height: CARD_HEIGHT,
			boxSizing: 'border-box',
			display: 'flex',
			flexDirection: 'column',
			justifyContent: 'space-between',
			padding: `60px ${PAD_X}px 44px`,
			backgroundColor: COLOURS.bg,
			borderTop: `14px solid ${COLOURS.accent}`,
			fontFamily: 'Inter',
			color: COLOURS.fg,
		},
		[
			h({ display: 'flex', flexDirection: 'column' }, [
				h({ fontSize: 24, fontWeight: 700, letterSpacing: 2, textTransform: 'uppercase', color: COLOURS.muted }, content.kicker),
				h({ fontSize: title, fontWeight: 700, lineHeight: 1.1, letterSpacing: -1.5, marginTop: 18 }, content.title),
				h({ fontSize: 38, fontWeight: 400, color: COLOURS.accent, marginTop: 10 }, content.dates),
				h({ fontSize: 27, fontWeight: 400, lineHeight: 1.4, color: COLOURS.muted, marginTop: 18, maxWidth: 1000 }, content.summary),
			]),
			strip(timeline, content.current, inPlace),
		],
	);
	return { tree: card, inPlace };
}

const SIZE = { width: CARD_WIDTH, height: CARD_HEIGHT };
const RESVG_OPTIONS = resvgOptions(COLOURS.bg);

/** The card as SVG (satori), for tests and for the PNG. */
export async function cardSvg(content: CardContent, timeline: Timeline): Promise<string> {
	return drawSvg({ ...cardTree(content, timeline), size: SIZE });
}

/**
 * The card as a PNG: same content, same bytes. Cached by everything it is drawn from — the
 * element tree, the fonts, the options and the libraries' versions — so a rebuild draws again
 * only the cards whose page changed.
 */
export async function renderCard(content: CardContent, timeline: Timeline): Promise<Uint8Array<ArrayBuffer>> {
	const job: CardJob = { ...cardTree(content, timeline), size: SIZE, resvg: RESVG_OPTIONS };
	const inputs = [JSON.stringify(job), drawnBy(), ...cardFonts().map((font) => font.data)];
	const png = await cached(CARD_CACHE, inputs, () => painter()?.paint(job) ?? drawPng(job));
	return new Uint8Array(png) as Uint8Array<ArrayBuffer>;
}
