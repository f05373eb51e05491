package lab.heartbeat.ui.parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * A ControlsFX PropertySheet over the view model's parameters. A value is committed on Enter or
 * when the field loses focus, not on every keystroke, and goes to the view model, which validates
 * it with the engine; a refused value springs back to the current one.
 */
public final class ParameterSheet extends PropertySheet {

    public ParameterSheet(ParametersViewModel model) {
        setId("parameters");
        setMode(Mode.CATEGORY);
        setModeSwitcherVisible(false);
        setSearchBoxVisible(false);
        List<Item> items = new ArrayList<>();
        model.profileParameters().forEach(p -> items.add(new ParameterItem(p, model::editProfile)));
        model.serverParameters().forEach(p -> items.add(new ParameterItem(p, model::editServer)));
        getItems().setAll(items);
        setPropertyEditorFactory(item -> new CommitEditor((ParameterItem) item));
    }

    private static final class ParameterItem implements Item {
        private final ProfileParameter parameter;
        private final BiPredicate<String, String> edit;

        ParameterItem(ProfileParameter parameter, BiPredicate<String, String> edit) {
            this.parameter = parameter;
            this.edit = edit;
        }

        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public String getCategory() {
            return parameter.category();
        }

        @Override
        public String getName() {
            return parameter.key();
        }

        @Override
        public String getDescription() {
            return parameter.description();
        }

        @Override
        public Object getValue() {
            return parameter.value();
        }

        @Override
        public void setValue(Object value) {
            edit.test(parameter.key(), String.valueOf(value));
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.of(parameter.valueProperty());
        }
    }

    private static final class CommitEditor implements PropertyEditor<Object> {
        private final TextField field = new TextField();
        private final ParameterItem item;

        CommitEditor(ParameterItem item) {
            this.item = item;
            field.setId("param-" + item.getName());
            field.setText(item.parameter.value());
            item.parameter.valueProperty().addListener((obs, old, now) -> field.setText(now));
            field.setOnAction(e -> commit());
            field.focusedProperty().addListener((obs, was, focused) -> {
                if (!focused) {
                    commit();
                }
            });
        }

        private void commit() {
            String text = field.getText();
            if (text.equals(item.parameter.value())) {
                return;
            }
            item.setValue(text);
            // Accepted or not, the field shows what new clients will get.
            field.setText(item.parameter.value());
        }

        @Override
        public Node getEditor() {
            return field;
        }

        @Override
        public Object getValue() {
            return field.getText();
        }

        @Override
        public void setValue(Object value) {
            field.setText(value == null ? "" : value.toString());
        }
    }
}
