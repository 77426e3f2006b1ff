# The project's commands; each works straight from a fresh clone (README.md).
.PHONY: setup run serve-prod test lint bench

setup:
	bash scripts/setup.sh

run:
	bash scripts/run.sh

# production-like: Odoo's workers behind nginx (docs/DEPLOYMENT.md)
serve-prod:
	bash scripts/serve_prod.sh

test:
	bash scripts/test.sh

lint:
	bash scripts/lint.sh
