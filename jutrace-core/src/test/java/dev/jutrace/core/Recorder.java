package dev.jutrace.core;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test engine that writes every callback it gets to a shared log, as {@code "name:event:tid"}
 * lines, and follows new threads and processes by attaching a copy of itself in reportClone.
 */
class Recorder implements EngineOps {
    final String name;
    final int mask;
    final List<String> log;
    final Map<Integer, Integer> deaths = new ConcurrentHashMap<>();
    final List<Integer> syscalls = new CopyOnWriteArrayList<>();
    volatile boolean follow = true;

    Recorder(String name, int mask, List<String> log) {
        this.name = name;
        this.mask = mask;
        this.log = log;
    }

    Recorder(String name, int mask) {
        this(name, mask, new CopyOnWriteArrayList<>());
    }

    Engine attachTo(Task task) {
        Engine e = task.tracer().attach(task, this, null, AttachFlag.CREATE);
        e.setEvents(mask);
        return e;
    }

    private void note(String what, Task t) {
        log.add(name + ":" + what + ":" + t.tid());
    }

    @Override
    public Action reportQuiesce(Engine engine, Task task, Action action, Event event) {
        note("quiesce(" + event + ")", task);
        return Action.RESUME;
    }

    @Override
    public Action reportClone(Engine engine, Task parent, Action action, long flags, Task child) {
        note("clone", parent);
        if (follow) attachTo(child);
        return Action.RESUME;
    }

    @Override
    public Action reportExec(Engine engine, Task task, Action action, int formerTid) {
        note("exec(" + formerTid + ")", task);
        return Action.RESUME;
    }

    @Override
    public Action reportSyscallEntry(Engine engine, Task task, Action action, Syscall call) {
        note("entry(" + call.number() + ")", task);
        syscalls.add(call.number());
        return Action.RESUME;
    }

    @Override
    public Action reportSyscallExit(Engine engine, Task task, Action action, Syscall call) {
        note("exit(" + call.number() + ")=" + call.returnValue(), task);
        return Action.RESUME;
    }

    @Override
    public Action reportExit(Engine engine, Task task, Action action, int code) {
        note("exit", task);
        return Action.RESUME;
    }

    @Override
    public Action reportDeath(Engine engine, Task task, boolean groupDead, int status) {
        note("death", task);
        deaths.put(task.tid(), status);
        return Action.RESUME;
    }

    @Override
    public void reportReap(Engine engine, Task task) {
        note("reap", task);
    }
}
