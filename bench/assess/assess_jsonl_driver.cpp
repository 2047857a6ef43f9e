#include <iostream>

#include "assessment/jsonl/assess_jsonl.hpp"

/// `hocvu assess` without the rest of the program: JSON Lines on stdin, results on stdout.
int main() {
    std::ios::sync_with_stdio(false);
    return hocvu::assessment::RunAssessJsonLines(std::cin, std::cout);
}
