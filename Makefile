# Soma's commands. See README.md.
MVN ?= mvn -B -q -Dstyle.color=never
JUPYTER_LOCAL := $(CURDIR)/target/jupyter

.PHONY: setup build test test-browser bench notebooks notebooks-commit student lab kernel clean

setup:
	@scripts/setup.sh

build: setup
	$(MVN) -DskipTests package

# Unit tests, then (after package) the kernel's Jupyter conformance, robustness and notebook tests.
test: setup
	mvn -B -Dstyle.color=never verify

bench: build
	scripts/bench.sh

# Installs the Soma kernel ("java", "Java (Soma)") into target/jupyter, never over a user's kernel.
kernel: build
	scripts/kernel-install.sh

# Executes every notebook headless; executed copies and HTML pages go to target/notebooks/.
# SAVE=1 also writes the outputs back into notebooks/ (they are committed with outputs).
# STUDENT=1 also writes student versions (solutions removed, their figures kept) to target/student/.
notebooks: kernel
	"$$(scripts/jupyter-python.sh)" scripts/run-notebooks.py $(if $(filter 1 yes true,$(SAVE)),--save,) $(if $(filter 1 yes true,$(STUDENT)),--student,)

# Student versions of the committed notebooks, without executing them, to target/student/.
student: build
	"$$(scripts/jupyter-python.sh)" scripts/notebook_exercises.py

notebooks-commit:
	$(MAKE) notebooks SAVE=1

# JupyterLab 4 + ipywidgets 8 (project-local, target/lab-venv) on 127.0.0.1, notebooks/ open, Soma kernel.
lab: kernel
	@scripts/lab.sh $(LAB_ARGS)

# JupyterLab with live widgets, and exported kernel-free pages, in headless Chromium (not in `make test`).
test-browser: kernel
	scripts/browser-test.sh

clean:
	$(MVN) clean
