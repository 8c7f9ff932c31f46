# bash completion for socscope                               -*- shell-script -*-
# Names (questionnaires, themes, examples, saved sessions) come from
# `socscope list KIND`, so they follow the same lookup as the program.
# tests/completion/ checks the commands and their options against the
# table that `socscope --help` prints (src/cli/cli.h).

_socscope_names()
{
    local IFS=$'\n'
    COMPREPLY+=($(compgen -W "$("${1:-socscope}" list "$2" 2>/dev/null)" -- "$3"))
}

_socscope()
{
    local cur prev words cword
    _init_completion -n = || return

    local prog=${words[0]}
    local commands="interview evaluate compare evidence portfolio validate list"
    local cmd="" i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            -q | --questionnaire | -a | --answers | -c | --client | -t | --theme | \
                -f | --format | -o | --output | --example | --assessor | --firm | \
                --stylesheet | --logo)
                ((i++))
                ;;
            -*) ;;
            *)
                cmd=${words[i]}
                break
                ;;
        esac
    done

    case $prev in
        -q | --questionnaire)
            _socscope_names "$prog" questionnaires "$cur"
            _filedir yaml
            return
            ;;
        -t | --theme)
            _socscope_names "$prog" themes "$cur"
            _filedir yaml
            return
            ;;
        --example)
            _socscope_names "$prog" examples "$cur"
            return
            ;;
        -a | --answers | -o | --output)
            _filedir
            return
            ;;
        -c | --client | --assessor | --firm)
            return
            ;;
        --stylesheet)
            _filedir css
            return
            ;;
        --logo)
            _filedir '@(png|jpg|jpeg|svg)'
            return
            ;;
        -f | --format)
            if [[ $cmd == compare ]]; then
                COMPREPLY=($(compgen -W "text markdown html json" -- "$cur"))
            elif [[ $cmd == evidence ]]; then
                COMPREPLY=($(compgen -W "markdown csv html json" -- "$cur"))
            elif [[ $cmd == portfolio ]]; then
                COMPREPLY=($(compgen -W "text csv json" -- "$cur"))
            else
                COMPREPLY=($(compgen -W "text markdown html json csv" -- "$cur"))
            fi
            return
            ;;
    esac

    if [[ $cur == -* ]]; then
        local opts="--help --version"
        case $cmd in
            "" | interview)
                opts+=" --questionnaire --answers --client --theme --plain --ascii --example"
                ;;
            evaluate)
                opts+=" --questionnaire --format --output --assessor --firm --stylesheet --logo"
                ;;
            compare | evidence | portfolio)
                opts+=" --questionnaire --format --output"
                ;;
        esac
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi

    case $cmd in
        "")
            COMPREPLY=($(compgen -W "$commands" -- "$cur"))
            ;;
        evaluate | validate | evidence | portfolio)
            _filedir yaml
            ;;
        compare)
            _socscope_names "$prog" sessions "$cur"
            _socscope_names "$prog" examples "$cur"
            _filedir yaml
            ;;
        list)
            COMPREPLY=($(compgen -W "questionnaires themes examples sessions" -- "$cur"))
            ;;
    esac
} &&
    complete -F _socscope socscope

# ex: filetype=sh
