package io.showmetrics.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one day's task wrote and the truth it contributes; merged in day order. */
final class DayResult {

    final int day;
    final Counters counters = new Counters();
    final Map<String, ShowSim.Truth> showTruth = new LinkedHashMap<>();
    final Map<String, long[]> liveOrders = new LinkedHashMap<>();
    final Map<String, double[]> liveGmv = new LinkedHashMap<>();
    final Map<String, Double> stockoutMinutes = new LinkedHashMap<>();
    /** (show id, replay viewer id) pairs whose replay session started on this day. */
    final List<String[]> replayViewers = new ArrayList<>();
    /** Net revenue contributions of assigned customers: customer, kind (0 pre-period, 1 window), EUR. */
    final Population.IntList expCustomer = new Population.IntList();
    final Population.IntList expKind = new Population.IntList();
    final List<Double> expAmount = new ArrayList<>();
    /** Assigned customers with a store visit in their visit window. */
    final Population.IntList expVisitors = new Population.IntList();
    final long[] visitsByKind = new long[StoreVisits.Kind.values().length];
    final Population.IntList multiShowVisitors = new Population.IntList();
    long reassignedRows;
    /** Net order lines of identified customers placed this day: customer, time, EUR. */
    final Population.IntList netLineCustomer = new Population.IntList();
    final List<Long> netLineTs = new ArrayList<>();
    final List<Double> netLineEur = new ArrayList<>();

    DayResult(int day) {
        this.day = day;
    }
}
