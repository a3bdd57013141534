/** The components every MDX file of the article may use, and the elements they replace. */
import Byline from './Byline.astro';
import H2 from './H2.astro';
import H3 from './H3.astro';
import Link from './Link.astro';
import Paragraph from './Paragraph.astro';
import PullQuote from './PullQuote.astro';
import Sentence from './Sentence.astro';

export const mdxComponents = {
	S: Sentence,
	PullQuote,
	Byline,
	p: Paragraph,
	h2: H2,
	h3: H3,
	a: Link,
};
