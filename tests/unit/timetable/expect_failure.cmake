# Runs the solver on INSTANCE and expects exit code EXPECT_EXIT with EXPECT_TEXT on standard error.
execute_process(COMMAND ${SOLVER} ${INSTANCE} --time-limit 1 RESULT_VARIABLE result ERROR_VARIABLE log OUTPUT_QUIET)
if(NOT result EQUAL EXPECT_EXIT)
  message(FATAL_ERROR "expected exit ${EXPECT_EXIT}, got ${result}:\n${log}")
endif()
string(FIND "${log}" "${EXPECT_TEXT}" found)
if(found EQUAL -1)
  message(FATAL_ERROR "expected \"${EXPECT_TEXT}\" in:\n${log}")
endif()
