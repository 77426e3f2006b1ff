# The project's commands; each works straight from a fresh clone (README.md).
.PHONY: setup run test lint bench

setup:
	bash scripts/setup.sh

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

lint:
	bash scripts/lint.sh
