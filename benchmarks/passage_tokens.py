"""Prompt tokens and seconds of the passage strategy on the seed event, against the articles themselves.

    python benchmarks/passage_tokens.py                          # the embedded default, live (needs the model)
    SUMMARIZER_PROMPTS=/path/to/prompts python benchmarks/passage_tokens.py   # other wording

Goal (issue "Let a capable model write the summary"): prompt tokens <= 50 % of the five seed articles
concatenated (counted with the model's own tokenizer), at equal or better recall, in <= 30 s on 2 cores.
Prints calls, prompt tokens, their share of the concatenation, seconds and lenient recall/F1 against gold.
"""

from __future__ import annotations

import sys
import time

from summarizer import load_articles, summarize
from summarizer.evaluation.events import load_events
from summarizer.evaluation.scoring import score
from summarizer.extract.pipeline import DEFAULT_MODEL
from summarizer.models.embedded import embedded_spec


def concatenation_tokens(model: str, texts: list[str]) -> int:
    from llama_cpp import Llama

    vocab = Llama(model_path=str(embedded_spec(model).locate()), vocab_only=True, verbose=False)
    return len(vocab.tokenize("\n\n".join(texts).encode("utf-8"), add_bos=False))


def main() -> None:
    model = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_MODEL
    event = next(e for e in load_events() if e.name == "jaishankar_moscow_2023-12")
    articles = load_articles(event.articles_dir)
    whole = concatenation_tokens(model, [a.text for a in articles])
    started = time.monotonic()
    result = summarize(articles, model=model, strategy="passages")
    seconds = time.monotonic() - started
    lenient = score(result.summary, event.gold()).lenient["micro"]
    prompt = result.usage["prompt_tokens"]
    print(f"model {model}: {result.usage['calls']} calls, {prompt} prompt tokens = {prompt / whole:.0%} of the "
          f"{whole} tokens of the articles concatenated; {seconds:.1f} s (server start included); "
          f"lenient recall {lenient['recall']:.2f}, F1 {lenient['f1']:.2f}")


if __name__ == "__main__":
    main()
