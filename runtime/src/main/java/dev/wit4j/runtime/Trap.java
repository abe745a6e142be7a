package dev.wit4j.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * A WebAssembly trap raised by the component runtime: the {@code trap()} / {@code trap_if(...)} of
 * CanonicalABI.md. A trap aborts the current call and leaves the component instance unusable; it is
 * unchecked because any call into or out of a component may raise it.
 *
 * <p>Every trap has a {@link #reason()} that callers and tests can match on, plus an optional free
 * text detail. The component and function in which the trap happened are unknown where the trap is
 * raised (deep inside lifting or lowering); the code that drives the call adds them with
 * {@link #in(String, String)}.
 */
public class Trap extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a trap happened. Each reason corresponds to one or more {@code trap_if} of the spec. */
    public enum Reason {
        /** A pointer is not a multiple of the alignment of the type stored there. */
        UNALIGNED_POINTER("pointer not aligned"),
        /** A pointer plus a byte length reaches past the end of linear memory. */
        OUT_OF_BOUNDS("out of bounds memory access"),
        /** A string's byte length exceeds {@code MAX_STRING_BYTE_LENGTH}. */
        STRING_TOO_LONG("string byte length exceeds the maximum"),
        /** A list's byte length exceeds {@code MAX_LIST_BYTE_LENGTH}. */
        LIST_TOO_LONG("list byte length exceeds the maximum"),
        /** String bytes are not valid in the declared encoding. */
        INVALID_STRING_ENCODING("invalid string encoding"),
        /** An {@code i32} is not a Unicode scalar value and cannot be a {@code char}. */
        INVALID_CHAR("invalid char code point"),
        /** A variant, enum, option or result discriminant is not below the number of cases. */
        INVALID_DISCRIMINANT("invalid variant discriminant"),
        /** A handle index is 0, past the end of the handle table or names a freed slot. */
        UNKNOWN_HANDLE("unknown handle index"),
        /** A handle table entry is not a resource handle, or is one of another resource type. */
        HANDLE_TYPE_MISMATCH("handle index refers to a different type"),
        /** An {@code own} was expected but the handle is a {@code borrow}. */
        HANDLE_NOT_OWNED("handle is a borrow, an owned handle is required"),
        /** An owned handle is removed while borrows lent from it are still outstanding. */
        HANDLE_LENT("owned handle is lent out to an unfinished call"),
        /** A call ends while handles borrowed by it have not been dropped. */
        BORROWS_OUTSTANDING("borrowed handles still remain at the end of the call"),
        /** The handle table has reached its maximum length. */
        TABLE_FULL("handle table is full"),
        /** The component did something the canonical ABI forbids that has no more specific reason. */
        INVALID_OPERATION("invalid canonical ABI operation"),
        /**
         * Core WebAssembly code trapped ({@code unreachable}, an out-of-bounds access, a division by
         * zero, a stack overflow, ...); the detail is the engine's description.
         */
        CORE_TRAP("wasm trap"),
        /**
         * A call tried to enter a component instance that is already on the call stack (reentrance,
         * CanonicalABI.md {@code may_enter}) or that is poisoned by an earlier trap (the spec's
         * lockdown).
         */
        CANNOT_ENTER("cannot enter component instance"),
        /**
         * Core code called out of its component instance while it may not ({@code may_leave}: during
         * {@code realloc}, {@code post-return} or a resource destructor).
         */
        CANNOT_LEAVE("cannot leave component instance"),
        /**
         * The call was interrupted: by {@link Instance#interrupt()}, or by {@link Thread#interrupt()}
         * of the calling thread. A running guest stops at its next loop back edge or indirect call; a call
         * made while the thread's interrupt flag is set does not start (and does not poison the
         * instance).
         */
        INTERRUPTED("interrupted"),
        /**
         * The call ran longer than the {@linkplain Limits#callTimeout() timeout} of its instance and
         * was stopped at its next loop back edge or indirect call.
         */
        DEADLINE("deadline exceeded"),
        /**
         * The guest needed more than the host grants or has: an instantiation exceeded the
         * {@link Limits} (a memory's or table's minimum size, too many instances), or the JVM heap
         * ran out while it ran (touching new memory pages, lifting a huge list, creating handles).
         */
        RESOURCE_EXHAUSTED("resource exhausted");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        /** The standard message for this reason. */
        public String message() {
            return message;
        }
    }

    private final Reason reason;
    private final String detail;
    private final String componentName;
    private final String functionName;
    private final Throwable hostException;

    /** A trap for {@code reason} without further detail. */
    public Trap(Reason reason) {
        this(reason, null);
    }

    /** A trap for {@code reason}; {@code detail} (may be null) is appended to the standard message. */
    public Trap(Reason reason, String detail) {
        this(reason, detail, null, null, null, null);
    }

    /**
     * A trap because host code called by a component failed with {@code hostException}, which is
     * its cause and its {@link #hostException()}: the component sees a trap, the host its exception.
     */
    public Trap(Reason reason, String detail, Throwable hostException) {
        this(reason, detail, null, null, Objects.requireNonNull(hostException, "hostException"), hostException);
    }

    private Trap(
            Reason reason,
            String detail,
            String componentName,
            String functionName,
            Throwable cause,
            Throwable hostException) {
        super(message(reason, detail, componentName, functionName), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detail = detail;
        this.componentName = componentName;
        this.functionName = functionName;
        this.hostException = hostException;
    }

    private static String message(Reason reason, String detail, String component, String function) {
        StringBuilder sb = new StringBuilder(reason.message());
        if (detail != null && !detail.isEmpty()) {
            sb.append(": ").append(detail);
        }
        if (component != null || function != null) {
            sb.append(" (in ");
            if (component != null) {
                sb.append("component `").append(component).append('`');
            }
            if (function != null) {
                sb.append(component != null ? ", " : "")
                        .append("function `")
                        .append(function)
                        .append('`');
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /** Why the trap happened. */
    public Reason reason() {
        return reason;
    }

    /** The detail given where the trap was raised, if any. */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    /** The component in which the trap happened, if known. */
    public Optional<String> componentName() {
        return Optional.ofNullable(componentName);
    }

    /** The function in which the trap happened, if known. */
    public Optional<String> functionName() {
        return Optional.ofNullable(functionName);
    }

    /** The exception of the host code that made this trap, if host code did (see {@link #Trap(Reason, String, Throwable)}). */
    public Optional<Throwable> hostException() {
        return Optional.ofNullable(hostException);
    }

    /**
     * The same trap annotated with where it happened (either name may be null). The returned trap
     * keeps this trap's stack trace and host exception, and has this trap as its cause.
     */
    public Trap in(String component, String function) {
        Trap t = new Trap(reason, detail, component, function, this, hostException);
        t.setStackTrace(getStackTrace());
        return t;
    }
}
