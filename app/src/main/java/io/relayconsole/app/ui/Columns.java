package io.relayconsole.app.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableColumn;

/** Small helpers for read-only table columns, shared by the console's tables. */
public final class Columns {

    private Columns() {
    }

    /** A column showing a plain value computed from the row. */
    public static <R, T> TableColumn<R, T> of(String title, Function<R, T> value) {
        TableColumn<R, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    /** A column bound to an observable of the row, so it repaints when the value changes in place. */
    public static <R, T> TableColumn<R, T> observing(String title, Function<R, ObservableValue<T>> value) {
        TableColumn<R, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        return column;
    }

    /** Sets a column's preferred width and returns it, for compact table definitions. */
    public static <R, T> TableColumn<R, T> width(TableColumn<R, T> column, double width) {
        column.setPrefWidth(width);
        return column;
    }
}
