"""Runs the Soma kernel's Python test suites and prints 'N passed, N failed, N skipped'.

Expects the kernel installed in target/jupyter (scripts/kernel-install.sh); scripts/kernel-tests.sh
does both. Exit status is non-zero if any test failed or errored.
"""
import os
import sys
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
os.environ["JUPYTER_PATH"] = os.path.join(ROOT, "target", "jupyter")
sys.path.insert(0, HERE)


class Result(unittest.TextTestResult):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.passed = 0
        self.sub_failures = 0

    def addSuccess(self, test):
        super().addSuccess(test)
        self.passed += 1


def main(names):
    loader = unittest.TestLoader()
    modules = names or ["test_kernel_conformance", "test_kernel_robustness", "test_widgets", "test_notebooks", "test_try_this"]
    suite = unittest.TestSuite(loader.loadTestsFromName(m) for m in modules)
    start = time.time()
    runner = unittest.TextTestRunner(verbosity=2, resultclass=Result, stream=sys.stdout)
    result = runner.run(suite)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    skipped = len(result.skipped)
    for test, reason in result.skipped:
        print(f"skipped {test.id()}: {reason}")
    print(f"kernel tests took {time.time() - start:.1f} s")
    print(f"{result.passed} passed, {failed} failed, {skipped} skipped")
    return 0 if failed == 0 and result.testsRun > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
