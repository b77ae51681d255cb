package io.showmetrics.generator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** An order being generated; lines become order rows once the day's ids are assigned. */
final class Order {

    /** One line: its sku, quantity, price and fate (a later cancelled or returned row, or none). */
    static final class Line {
        final int sku;
        final int qty;
        final BigDecimal price;
        int lineNo;
        /** 0 none, 1 cancelled, 2 returned. */
        int fate;
        long fateMs;

        Line(int sku, int qty, BigDecimal price) {
            this.sku = sku;
            this.qty = qty;
            this.price = price;
        }
    }

    final int customer;
    final long ts;
    final String channel;
    final String showId;
    final int store;
    final String currency;
    final List<Line> lines = new ArrayList<>(3);
    /** Generation position, to keep sorting stable and deterministic. */
    int seq;
    String id;
    /** Store orders leave line_no out (it defaults to the sku). */
    boolean noLineNo;

    Order(int customer, long ts, String channel, String showId, int store, String currency) {
        this.customer = customer;
        this.ts = ts;
        this.channel = channel;
        this.showId = showId;
        this.store = store;
        this.currency = currency;
    }

    boolean hasSku(int sku) {
        for (Line l : lines) {
            if (l.sku == sku) {
                return true;
            }
        }
        return false;
    }

    Order add(int sku, int qty) {
        lines.add(new Line(sku, qty, Catalog.SKUS.get(sku).price(currency)));
        return this;
    }
}
