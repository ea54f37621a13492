# Storyline: `make run` serves the demo, `make test` runs every check. Both install what is missing.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Fail loudly on a tool version mismatch instead of trying to download one.
export TRUNK_OFFLINE := true
export CHROMEDRIVER := /usr/bin/chromedriver

.PHONY: run test setup lint unit browser build size e2e bench fuzz clean

run: setup build
	node scripts/serve.mjs 8080 /=dist

test: setup lint unit browser build size e2e

setup:
	@scripts/setup.sh

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
	# The reader's builds (index.html, embed.html) leave the validator's hints out.
	cargo clippy --bins --target wasm32-unknown-unknown --features storyline-core/terse,storyline-core/fetched-words -- -D warnings

unit:
	cargo test
	# The core as the reader builds it (`terse`: the validator's hints left out; `fetched-words`:
	# English's words only, the others loaded from their files).
	cargo test -p storyline-core --features terse,fetched-words

# Component tests in headless Chromium through chromedriver (options in webdriver.json).
browser:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --target wasm32-unknown-unknown --test web

# The demo page in dist/, the embed (loader, iframe page, wasm) with stable names in dist/embed/,
# and the editor (its own bundle, with the importers) at dist/editor.html.
build:
	trunk build --release
	trunk build --release --filehash false --dist dist/embed embed.html
	mv dist/embed/index.html dist/embed/embed.html
	# Every article downloads the loader and the glue: both without their comments (the glue's
	# integrity in the iframe page rewritten to match).
	node scripts/strip-comments.mjs dist/embed/storyline.js
	node scripts/strip-comments.mjs dist/embed/storyline-embed.js --module --integrity dist/embed/embed.html
	trunk build --release --dist dist/editor --public-url ./editor/ editor.html
	mv dist/editor/index.html dist/editor.html
	# The story as static HTML inside the demo and iframe pages' <noscript>, for readers without
	# JavaScript and for crawlers; rendered from the data at each build, so it never drifts.
	cargo run -q --bin storyline -- render --format html data/albania-iran-israel.json > dist/static-story.html
	node scripts/static-fallback.mjs dist/static-story.html dist/index.html dist/embed/embed.html
	rm dist/static-story.html

# The reader's download (what dist/embed/ serves to an article), gzip -9, against its budget in
# scripts/size-budget.mjs: fails when it grows past it. Sizes only, so it is deterministic.
size:
	node scripts/size-budget.mjs dist/embed

e2e:
	npx playwright test

# Not part of `make test`: measures speed and size on this machine, side by side with vis-timeline
# and TimelineJS3 (npm dev dependencies used only by the bench; see docs/performance.md).
bench: setup build
	node scripts/bench/run.mjs

# Not part of `make test`: the parsers' generated hostile inputs, many more cases from a random
# seed (`cargo test` runs a short fixed-seed pass of the same tests).
fuzz:
	STORYLINE_FUZZ_CASES=20000 cargo test --release --test fuzz_import --test fuzz_parse --test fuzz_input

clean:
	rm -rf dist target/wasm-bindgen-test test-results bench-results
