package io.mvinfra.host.runtime;

import java.util.Map;

import jakarta.el.ELException;
import jakarta.el.ExpressionFactory;
import jakarta.el.StandardELContext;
import jakarta.el.ValueExpression;

/** Evaluates Meveo's EL ({@code applicableOnEl}, script parameters) with a real EL implementation (Expressly). */
public final class Conditions {
    private final ExpressionFactory factory = ExpressionFactory.newInstance();

    public Object evaluate(String expression, Map<String, Object> variables) {
        StandardELContext context = new StandardELContext(factory);
        variables.forEach((name, value) -> context.getVariableMapper().setVariable(name,
                factory.createValueExpression(value, value == null ? Object.class : value.getClass())));
        try {
            ValueExpression ve = factory.createValueExpression(context, expression, Object.class);
            return ve.getValue(context);
        } catch (ELException e) {
            throw new HostException(HostException.Kind.FAILED, "cannot evaluate '" + expression + "': " + e.getMessage());
        }
    }

    public boolean holds(String expression, Map<String, Object> variables) {
        if (expression == null || expression.isBlank()) {
            return true;
        }
        Object value = evaluate(expression, variables);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }
}
