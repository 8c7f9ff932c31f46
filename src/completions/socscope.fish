# fish completion for socscope.  Names (questionnaires, themes, examples,
# saved sessions) come from `socscope list KIND`, so they follow the same
# lookup as the program.  tests/completion/ checks the commands and their
# options against the table that `socscope --help` prints (src/cli/cli.h).

function __socscope_names -a kind
    set -l prog (commandline -opc)[1]
    command $prog list $kind 2>/dev/null
end

function __socscope_command
    # The first operand that is not an option's value.
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l skip 0
    for t in $tokens
        if test $skip = 1
            set skip 0
            continue
        end
        switch $t
            case -q --questionnaire -a --answers -c --client -t --theme -f --format -o --output --example --assessor --firm --stylesheet --logo
                set skip 1
            case '-*'
            case '*'
                echo $t
                return 0
        end
    end
    return 1
end

function __socscope_using -a cmd
    set -l c (__socscope_command)
    and test "$c" = $cmd
end

function __socscope_interview
    set -l c (__socscope_command)
    or return 0
    test $c = interview
end

complete -c socscope -f
complete -c socscope -s h -l help -d 'Show the usage'
complete -c socscope -l version -d 'Show the version'

complete -c socscope -n 'not __socscope_command' -a interview -d 'The interview (the default)'
complete -c socscope -n 'not __socscope_command' -a evaluate -d 'The report for an answers file'
complete -c socscope -n 'not __socscope_command' -a compare -d 'What differs between two answers files, sessions or examples'
complete -c socscope -n 'not __socscope_command' -a evidence -d 'The evidence a CPA firm will ask for'
complete -c socscope -n 'not __socscope_command' -a portfolio -d 'One line per client'
complete -c socscope -n 'not __socscope_command' -a validate -d 'Check questionnaires, themes or answers files'
complete -c socscope -n 'not __socscope_command' -a list -d 'Questionnaires, themes, examples and saved sessions'

# The interview (also with no command).
complete -c socscope -n '__socscope_interview' -s a -l answers -r -F -d 'Open this answers file'
complete -c socscope -n '__socscope_interview' -s c -l client -x -d "The client's name"
complete -c socscope -n '__socscope_interview' -s t -l theme -x -a '(__socscope_names themes; __fish_complete_suffix .yaml)' -d 'Colour theme'
complete -c socscope -n '__socscope_interview' -s p -l plain -d 'Line-by-line prompts'
complete -c socscope -n '__socscope_interview' -l ascii -d 'Plain ASCII borders and marks'
complete -c socscope -n '__socscope_interview' -l example -x -a '(__socscope_names examples)' -d 'Open a worked example on a copy'

# -q goes with the interview, evaluate, compare, evidence and portfolio.
complete -c socscope -n '__socscope_interview; or __socscope_using evaluate; or __socscope_using compare; or __socscope_using evidence; or __socscope_using portfolio' -s q -l questionnaire -x -a '(__socscope_names questionnaires; __fish_complete_suffix .yaml)' -d 'Questionnaire name or path'

complete -c socscope -n '__socscope_using evaluate' -s f -l format -x -a 'text markdown html json csv' -d 'Report format'
complete -c socscope -n '__socscope_using compare' -s f -l format -x -a 'text markdown html json' -d 'Comparison format'
complete -c socscope -n '__socscope_using evidence' -s f -l format -x -a 'markdown csv html json' -d 'Evidence list format'
complete -c socscope -n '__socscope_using portfolio' -s f -l format -x -a 'text csv json' -d 'Portfolio format'
complete -c socscope -n '__socscope_using evaluate; or __socscope_using compare; or __socscope_using evidence; or __socscope_using portfolio' -s o -l output -r -F -d 'Write to this file'
complete -c socscope -n '__socscope_using evaluate' -l assessor -x -d 'Who prepared the report'
complete -c socscope -n '__socscope_using evaluate' -l firm -x -d "The assessor's firm"
complete -c socscope -n '__socscope_using evaluate' -l stylesheet -r -F -d 'CSS added to the HTML report'
complete -c socscope -n '__socscope_using evaluate' -l logo -r -F -d 'PNG, JPEG or SVG logo for the HTML report'

complete -c socscope -n '__socscope_using evaluate; or __socscope_using validate; or __socscope_using evidence; or __socscope_using portfolio' -a '(__fish_complete_suffix .yaml)'
complete -c socscope -n '__socscope_using compare' -a '(__socscope_names sessions)' -d 'Saved session'
complete -c socscope -n '__socscope_using compare' -a '(__socscope_names examples)' -d 'Worked example'
complete -c socscope -n '__socscope_using compare' -a '(__fish_complete_suffix .yaml)'
complete -c socscope -n '__socscope_using list' -a 'questionnaires themes examples sessions'
