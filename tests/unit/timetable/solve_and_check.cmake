# Runs the solver on INSTANCE, then the shared checker on its output; fails unless every hard rule holds.
execute_process(COMMAND ${SOLVER} ${INSTANCE} --time-limit 1 --seed 7 --out ${OUT}
                RESULT_VARIABLE solve_result ERROR_VARIABLE solve_log)
if(NOT solve_result EQUAL 0)
  message(FATAL_ERROR "solver failed (${solve_result}):\n${solve_log}")
endif()
execute_process(COMMAND ${PYTHON} ${CHECKER} ${INSTANCE} ${OUT} RESULT_VARIABLE check_result OUTPUT_VARIABLE report)
if(NOT check_result EQUAL 0 OR NOT report MATCHES "\"hard_ok\": true")
  message(FATAL_ERROR "checker rejected the timetable:\n${report}")
endif()
message(STATUS "${report}")
