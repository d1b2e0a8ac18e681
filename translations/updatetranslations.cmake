# SPDX-License-Identifier: GPL-3.0-or-later
# Runs lupdate over app/, core/ and ui/ and keeps the .ts contexts fully qualified.
#
# Qt 6.4's lupdate does not understand C++17 nested namespaces (`namespace AiHub::Cli {`), so it files the
# strings of AiHub::Cli::KeyCommands under "KeyCommands", while tr() at run time looks them up under the
# qualified class name. This script maps each class to its namespace from the headers, shortens the contexts
# before lupdate (so existing translations still match) and qualifies them again afterwards.
#
#   cmake -DLUPDATE=/usr/lib/qt6/bin/lupdate -DSOURCE_DIR=<repo> -DTS_FILES="a.ts;b.ts" -P updatetranslations.cmake
cmake_minimum_required(VERSION 3.22)
foreach(var LUPDATE SOURCE_DIR TS_FILES)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "updatetranslations.cmake needs -D${var}=...")
    endif()
endforeach()

set(source_dirs ${SOURCE_DIR}/app ${SOURCE_DIR}/core ${SOURCE_DIR}/ui)

# Short class name -> namespace, from every header's top-level `namespace X::Y {` and `class|struct Name` lines.
file(GLOB_RECURSE headers ${SOURCE_DIR}/app/*.h ${SOURCE_DIR}/core/*.h ${SOURCE_DIR}/ui/*.h)
set(classes "")
foreach(header ${headers})
    file(STRINGS ${header} lines REGEX "^(namespace [A-Za-z_:]+ {|(class|struct) [A-Za-z_0-9]+( final)? *(:.*|{.*)?$)")
    set(namespace "")
    foreach(line ${lines})
        if(line MATCHES "^namespace ([A-Za-z_:]+) {")
            set(namespace ${CMAKE_MATCH_1})
        elseif(namespace AND line MATCHES "^(class|struct) ([A-Za-z_0-9]+)")
            set(name ${CMAKE_MATCH_2})
            if(DEFINED ns_of_${name} AND NOT ns_of_${name} STREQUAL namespace)
                message(FATAL_ERROR "Two classes named ${name} (${ns_of_${name}} and ${namespace}): "
                                    "their translation contexts would clash; rename one.")
            endif()
            set(ns_of_${name} ${namespace})
            list(APPEND classes ${name})
        endif()
    endforeach()
endforeach()
list(REMOVE_DUPLICATES classes)

function(rewrite_contexts ts_file direction)
    file(READ ${ts_file} content)
    foreach(name ${classes})
        set(qualified "${ns_of_${name}}::${name}")
        if(direction STREQUAL "shorten")
            string(REPLACE "<name>${qualified}</name>" "<name>${name}</name>" content "${content}")
        else()
            string(REPLACE "<name>${name}</name>" "<name>${qualified}</name>" content "${content}")
        endif()
    endforeach()
    file(WRITE ${ts_file} "${content}")
endfunction()

foreach(ts ${TS_FILES})
    if(EXISTS ${ts})
        rewrite_contexts(${ts} shorten)
    endif()
endforeach()

execute_process(
    COMMAND ${LUPDATE} -locations relative -no-obsolete ${source_dirs} -ts ${TS_FILES}
    WORKING_DIRECTORY ${SOURCE_DIR}
    RESULT_VARIABLE result)

foreach(ts ${TS_FILES})
    if(EXISTS ${ts})
        rewrite_contexts(${ts} qualify)
    endif()
endforeach()

if(NOT result EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${result})")
endif()
