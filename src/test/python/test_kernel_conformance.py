"""Jupyter's own conformance suite (jupyter_kernel_test) against the Soma kernel."""
import unittest

import jupyter_kernel_test as jkt


class SomaKernelConformance(jkt.KernelTests):
    kernel_name = "java"
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'

    completion_samples = [
        {"text": "Syst", "matches": {"System"}},
        {"text": "Math.ab", "matches": {"abs(", "absExact("}},
        {"text": "int answer = 42;\nansw"},
    ]
    complete_code_samples = ["1 + 1", "int x = 3;", 'System.out.println("done");', "for (int i = 0; i < 3; i++) {}"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "for (int i = 0; i < 3; i++)", 'String s = "a" +', "class A {"]
    invalid_code_samples = ["}", "Math.abs(-1));", "int x = );", "else { }"]

    code_generate_error = 'throw new IllegalStateException("boom");'
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"soma".toUpperCase()', "result": "SOMA"},
        {"code": "Math.max(3, 4)", "result": "4"},
    ]
    code_display_data = [
        {"code": 'display("plain");', "mime": "text/plain"},
        {"code": 'display(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB));', "mime": "image/png"},
    ]
    code_history_pattern = "Math.max*"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "Math.abs"
    code_clear_output = 'System.out.println("soon gone"); clearOutput();'

    @unittest.skip("Java has no syntax that pages help (IPython's 'obj?'); the kernel offers "
                   "documentation through inspect_request (Shift+Tab) instead")
    def test_pager(self):
        pass


if __name__ == "__main__":
    unittest.main()
