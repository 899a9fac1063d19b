package ingest

import (
	"fmt"
	"strings"
)

// webPage is a test fixture: a web page as sites serve it, with what its
// article says and the furniture around it.
type webPage struct {
	name string
	html string
	// article lists the article's paragraphs (and headings): each must be
	// in the extracted text.
	article []string
	// sections lists the headings expected as Sections, in order.
	sections []string
	// furniture lists text of the page's furniture: none may be in the
	// extracted text.
	furniture []string
	meta      Metadata
}

// prose is the body of the fixtures' articles: paragraphs long enough to
// read as an article, about river trade (nothing to do with the seeds).
var prose = []string{
	"The boatmen of the lower river kept a ledger of every cargo they carried between the delta towns and the upland markets, and the ledgers that survive tell us more about the trade than any official record.",
	"Rice went upstream in the dry season, when the current was weak and the sandbanks were visible; salt, dried fish and cloth came down with the monsoon floods, which could carry a laden boat a week's journey in three days.",
	"Each guild fixed its own tolls, and disputes between them were settled at the river temple, where the elders of both guilds met under the eyes of the priests and swore on the ledgers themselves.",
	"By the middle of the century the steamers of the colonial companies had taken the passenger trade, but the boatmen held on to bulk cargo for another forty years because their boats could reach landings the steamers could not.",
	"What finally ended the guilds was not competition but the railway bridge, whose piers narrowed the channel and made the old routes dangerous for the flat-bottomed boats at high water.",
	"Historians who have read the ledgers note how carefully the boatmen recorded weather, prices and the names of the merchants who chartered them, a record of daily economic life that is rare for the period.",
}

// furnitureHeavyPage is a news site's article page: navigation, a cookie
// banner, share buttons, a newsletter box, related articles with teasers,
// comments and a footer around the article.
func furnitureHeavyPage() webPage {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ledgers of the River Guilds | The Daily Courier</title>
<meta property="og:title" content="Ledgers of the River Guilds">
<meta name="author" content="Mai Tran">
<meta property="article:published_time" content="2023-04-17T08:30:00Z">
<meta property="og:site_name" content="The Daily Courier">
<link rel="canonical" href="https://courier.example.com/history/river-guilds">
<script>window.dataLayer=[];function track(){console.log("tracking pixel loaded")}</script>
<style>.cookie{position:fixed}</style>
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience. By continuing to browse you agree to our cookie policy.</p><button>Accept all cookies</button><button>Manage preferences</button></div>
<header class="site-header"><a href="/">The Daily Courier</a>
<nav class="main-nav"><ul><li><a href="/world">World news</a></li><li><a href="/business">Business and markets</a></li><li><a href="/sport">Sport results</a></li><li><a href="/culture">Culture desk</a></li><li><a href="/opinion">Opinion columns</a></li></ul></nav>
<form class="search"><input name="q" placeholder="Search the Courier"><button>Search</button></form>
</header>
<div class="breadcrumbs"><a href="/">Home</a> &rsaquo; <a href="/history">History section</a></div>
<main><article class="story">
<h1>Ledgers of the River Guilds</h1>
<p class="byline">By <a href="/authors/mai-tran" rel="author">Mai Tran</a>, <time datetime="2023-04-17">17 April 2023</time></p>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a> <a href="#">Email this story</a></div>
`)
	fmt.Fprintf(&b, "<p>%s</p>\n<p>%s</p>\n", prose[0], prose[1])
	b.WriteString(`<figure><img src="boat.jpg" alt="A boat"><figcaption>A cargo boat at the delta landing.</figcaption></figure>
<h2>Tolls and temples</h2>
`)
	fmt.Fprintf(&b, "<p>%s</p>\n", prose[2])
	b.WriteString(`<aside class="newsletter-signup"><h3>Get the history newsletter</h3><p>Sign up for our weekly newsletter and never miss a story from the archive desk.</p><form><input type="email"><button>Subscribe now</button></form></aside>
<h2>Steam and rail</h2>
`)
	fmt.Fprintf(&b, "<p>%s</p>\n<p>%s</p>\n<p>%s</p>\n", prose[3], prose[4], prose[5])
	b.WriteString(`<div class="share-bar bottom"><a href="#">Share on Facebook</a> <a href="#">Tweet this article</a></div>
</article>
<section class="related-articles"><h2>Related articles</h2>
<div class="teaser"><h3><a href="/a">Canal builders of the north</a></h3><p>How a generation of engineers reshaped the northern plains with a network of canals that still carries barges today.</p></div>
<div class="teaser"><h3><a href="/b">The salt road revisited</a></h3><p>Travellers retrace the caravan routes that brought salt from the coast to the mountain kingdoms for six centuries.</p></div>
</section>
<section id="comments" class="comments"><h2>Comments (2)</h2>
<div class="comment"><p>Great read, my grandfather worked on those boats when he was young.</p></div>
<div class="comment"><p>Does anyone know where the ledgers are kept now? I would love to see them.</p></div>
</section>
</main>
<footer class="site-footer"><ul><li><a href="/about">About the Courier</a></li><li><a href="/privacy">Privacy notice</a></li><li><a href="/terms">Terms of use</a></li></ul><p>Copyright 2023 Courier Media Group. All rights reserved.</p></footer>
</body></html>`)
	return webPage{
		name:     "news site with heavy furniture",
		html:     b.String(),
		article:  append([]string{"Ledgers of the River Guilds", "Tolls and temples", "Steam and rail"}, prose...),
		sections: []string{"Ledgers of the River Guilds", "Tolls and temples", "Steam and rail"},
		furniture: []string{"We use cookies", "Accept all cookies", "World news", "Business and markets", "Search the Courier",
			"Share on Facebook", "Tweet this article", "Get the history newsletter", "Sign up for our weekly newsletter",
			"Canal builders of the north", "How a generation of engineers", "Travellers retrace the caravan routes",
			"my grandfather worked", "where the ledgers are kept now", "About the Courier", "Privacy notice", "Courier Media Group",
			"tracking pixel", "position:fixed"},
		meta: Metadata{Title: "Ledgers of the River Guilds", Authors: []string{"Mai Tran"}, Publisher: "The Daily Courier",
			Date: "2023-04-17", URL: "https://courier.example.com/history/river-guilds"},
	}
}

// blogPage is a blog post without <article> or <main>: the post is a div
// among a sidebar of popular posts with long teasers, and the metadata is
// in JSON-LD only.
func blogPage() webPage {
	var b strings.Builder
	b.WriteString(`<html><head><title>Notes from the archive</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Archive Notes"},
{"@type":"BlogPosting","headline":"What the boatmen wrote down","datePublished":"2021-11-02","author":[{"@type":"Person","name":"Le Van Huu"},{"@type":"Person","name":"Ana Silva"}],
"publisher":{"@type":"Organization","name":"Archive Notes"},"url":"https://notes.example.org/boatmen"}]}</script>
</head><body>
<div id="top"><span class="logo">Archive Notes</span> <a href="/">Home</a> | <a href="/archive">Archive</a> | <a href="/contact">Contact me</a></div>
<div id="wrapper"><div id="content" class="post-content entry">
<h2 class="entry-title">What the boatmen wrote down</h2>
`)
	for i, p := range prose {
		if i == 3 {
			b.WriteString("<h3>After the steamers</h3>\n")
		}
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString(`<div class="tags">Tags: <a>history</a>, <a>rivers</a>, <a>trade</a></div>
<div class="sharedaddy"><h3 class="sd-title">Share this:</h3><ul><li><a>Click to share on Reddit</a></li><li><a>Click to print this page</a></li></ul></div>
</div>
<div id="sidebar" class="widget-area"><div class="widget"><h3>Popular posts</h3>
<p><a href="/x">Mapping the old harbour</a> — In this long post I walk through the harbour maps of three centuries and show how the quays moved as the silt built up along the eastern shore of the bay.</p>
<p><a href="/y">A year of reading lists</a> — Every book I read this year about maritime history, ranked and reviewed, with notes on which ones are worth tracking down second-hand.</p>
</div><div class="widget"><h3>About me</h3><p>I am a retired archivist who writes about rivers, ports and the people who worked on them.</p></div></div>
</div>
<div id="footer">Powered by a blogging platform. Theme by someone else.</div>
</body></html>`)
	return webPage{
		name:     "blog post with sidebar teasers and JSON-LD",
		html:     b.String(),
		article:  append([]string{"After the steamers"}, prose...),
		sections: []string{"What the boatmen wrote down", "After the steamers"},
		furniture: []string{"Contact me", "Click to share on Reddit", "Click to print this page", "Mapping the old harbour",
			"harbour maps of three centuries", "A year of reading lists", "retired archivist", "Powered by a blogging platform"},
		meta: Metadata{Title: "What the boatmen wrote down", Authors: []string{"Le Van Huu", "Ana Silva"}, Publisher: "Archive Notes",
			Date: "2021-11-02", URL: "https://notes.example.org/boatmen"},
	}
}

// reportPage is an institute's report page: a table of contents, a
// "read more" box and a long footer of links; the article has a list and a
// table, which must be kept.
func reportPage() webPage {
	var b strings.Builder
	b.WriteString(`<!doctype html><html><head><meta name="twitter:title" content="River trade in figures">
<meta property="og:title" content="River trade in figures"><meta name="citation_author" content="Institute Staff">
<meta name="author" content="Pham Thi Lan"><meta name="date" content="2022-06-30"><meta property="og:url" content="https://institute.example.net/reports/river-trade">
</head><body>
<header><div class="topbar">Support our research — <a href="/donate">Donate today</a></div><nav><a>Research</a> <a>Events</a> <a>Publications</a> <a>People</a></nav></header>
<main id="main-content">
<div class="toc"><p>On this page</p><ol><li><a href="#c">Cargoes</a></li><li><a href="#t">Tolls</a></li></ol></div>
<h1>River trade in figures</h1>
`)
	fmt.Fprintf(&b, "<p>%s</p>\n<h2 id=\"c\">Cargoes</h2>\n<p>%s</p>\n", prose[0], prose[1])
	b.WriteString(`<ul><li>Rice, carried upstream in the dry season by the larger boats of the guild.</li><li>Salt and dried fish, carried downstream with the floods.</li></ul>
<table><tr><th>Cargo</th><th>Season</th></tr><tr><td>Rice</td><td>Dry season</td></tr><tr><td>Cloth</td><td>Monsoon</td></tr></table>
`)
	fmt.Fprintf(&b, "<h2 id=\"t\">Tolls</h2>\n<p>%s</p>\n<p>%s</p>\n", prose[2], prose[5])
	b.WriteString(`<div class="read-more"><p>Read more: <a href="/r/1">Our report on delta ports</a></p></div>
</main>
<footer><div class="cols"><div><h4>Institute</h4><ul><li><a>Our history</a></li><li><a>Annual reports</a></li><li><a>Careers at the Institute</a></li></ul></div>
<div><h4>Follow us</h4><ul><li><a>Facebook page</a></li><li><a>LinkedIn page</a></li></ul></div></div><p>© 2022 The River Institute. Registered charity 123456.</p></footer>
</body></html>`)
	return webPage{
		name:     "institute report with table of contents, list and table",
		html:     b.String(),
		article:  []string{prose[0], prose[1], prose[2], prose[5], "Rice, carried upstream in the dry season", "Salt and dried fish", "Cloth | Monsoon"},
		sections: []string{"River trade in figures", "Cargoes", "Tolls"},
		furniture: []string{"Donate today", "Publications", "On this page", "Our report on delta ports", "Careers at the Institute",
			"LinkedIn page", "Registered charity"},
		meta: Metadata{Title: "River trade in figures", Authors: []string{"Pham Thi Lan"}, Date: "2022-06-30",
			URL: "https://institute.example.net/reports/river-trade"},
	}
}

// shortNewsPage is a short news item (three paragraphs, under 600
// characters of article) drowned in furniture: a trending bar, a live
// ticker, a most-read list and an in-article "read also" box.
func shortNewsPage() webPage {
	short := []string{
		"The river authority reopened the northern channel on Tuesday after dredging removed the sandbank that had blocked it since March.",
		"Barges carrying rice were the first to pass, a spokeswoman said, and ferries will resume their timetable next week.",
		"The authority expects the channel to stay open until the next flood season.",
	}
	var b strings.Builder
	b.WriteString(`<html><head><title>Northern channel reopens - Delta Post</title><meta property="og:title" content="Northern channel reopens">
<meta property="article:published_time" content="2024-02-06"><meta property="article:author" content="https://deltapost.example/staff/nguyen">
<meta name="author" content="Nguyen Hoa"></head><body>
<div class="trending"><span>Trending:</span> <a>Election results live</a> <a>Weather warning for the coast</a> <a>Football transfer news</a></div>
<div class="ticker live-updates"><p>Live: markets open higher as exporters report strong orders for the season ahead.</p></div>
<div class="layout"><div class="col-main"><article><h1>Northern channel reopens</h1>
`)
	fmt.Fprintf(&b, "<p>%s</p>\n", short[0])
	b.WriteString(`<div class="read-also"><strong>Read also:</strong> <a href="/z">Ferry fares to rise in the spring as fuel costs climb</a></div>
`)
	fmt.Fprintf(&b, "<p>%s</p>\n<p>%s</p>\n", short[1], short[2])
	b.WriteString(`<div class="social"><a>Share</a> <a>Tweet</a> <a>WhatsApp</a></div></article></div>
<div class="col-side"><div class="most-read"><h2>Most read</h2><ol>
<li><a>Ten things to do in the delta this weekend, from floating markets to night cruises along the canals</a></li>
<li><a>Why the price of fish has doubled since last year, explained by the traders who sell it every morning</a></li>
<li><a>Photo gallery: the lantern festival draws record crowds to the old quarter despite the rain</a></li></ol></div>
<div class="ad">Advertisement</div></div></div>
<footer><p>Delta Post — independent news since 1998. Contact the newsroom. Advertise with us.</p></footer></body></html>`)
	return webPage{
		name:     "short news item drowned in furniture",
		html:     b.String(),
		article:  append([]string{"Northern channel reopens"}, short...),
		sections: []string{"Northern channel reopens"},
		furniture: []string{"Election results live", "Weather warning", "markets open higher", "Ferry fares to rise",
			"WhatsApp", "Most read", "Ten things to do", "price of fish has doubled", "lantern festival", "independent news since 1998"},
		meta: Metadata{Title: "Northern channel reopens", Authors: []string{"Nguyen Hoa"}, Date: "2024-02-06"},
	}
}

// magazinePage is a long-form piece whose article holds a pull quote and
// an in-body list of related stories with teaser paragraphs, and whose
// page ends with an author box and a "more from this author" strip.
func magazinePage() webPage {
	var b strings.Builder
	b.WriteString(`<html><head><title>The last boatmen</title><meta property="og:title" content="The last boatmen">
<meta name="author" content="Ana Silva"><meta property="article:published_time" content="2020-09-15T12:00:00+07:00">
<link rel="canonical" href="https://mag.example.com/features/last-boatmen"></head><body>
<header><nav><a>Features</a> <a>Interviews</a> <a>Photo essays</a> <a>Subscribe to the print edition</a></nav></header>
<article class="feature"><header><h1>The last boatmen</h1><p class="dek">A long look at the end of a trade.</p></header>
<div class="body">
`)
	for i, p := range prose {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
		if i == 1 {
			b.WriteString(`<h2>The guilds</h2>` + "\n")
		}
		if i == 2 {
			b.WriteString(`<div class="related-inline"><h4>More on rivers</h4><ul><li><a>Inside the dredging fleet</a><p>A day aboard the ships that keep the channel open, where crews work twelve-hour shifts in the heat.</p></li><li><a>Floods and farms</a><p>Farmers along the banks explain how they plan their planting around the rising water every year.</p></li></ul></div>` + "\n")
		}
		if i == 4 {
			b.WriteString(`<h2>After the bridge</h2>` + "\n")
		}
	}
	b.WriteString(`</div></article>
<div class="author-box"><img src="a.jpg"><p>Ana Silva writes about labour history for the magazine. Follow her on social media.</p></div>
<div class="more-from-author"><h3>More from Ana Silva</h3><p><a>The dock strikes of 1936 and what they won for the workers who led them</a></p></div>
<footer>Magazine Ltd. Subscriptions, back issues and licensing.</footer></body></html>`)
	return webPage{
		name:     "long feature with an in-body related box and an author box",
		html:     b.String(),
		article:  append([]string{"The guilds", "After the bridge"}, prose...),
		sections: []string{"The last boatmen", "The guilds", "After the bridge"},
		furniture: []string{"Photo essays", "Subscribe to the print edition", "Inside the dredging fleet", "twelve-hour shifts",
			"Floods and farms", "Follow her on social media", "dock strikes of 1936", "back issues and licensing"},
		meta: Metadata{Title: "The last boatmen", Authors: []string{"Ana Silva"}, Date: "2020-09-15",
			URL: "https://mag.example.com/features/last-boatmen"},
	}
}

// webPages are the HTML fixtures.
func webPages() []webPage {
	return []webPage{furnitureHeavyPage(), blogPage(), reportPage(), shortNewsPage(), magazinePage()}
}
