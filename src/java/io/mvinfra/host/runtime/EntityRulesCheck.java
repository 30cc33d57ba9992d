package io.mvinfra.host.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.meveo.model.CustomEntity;
import org.meveo.model.customEntities.CustomEntityInstance;
import org.meveo.model.persistence.CEIUtils;

import io.mvinfra.host.store.SaveCheck;
import io.mvinfra.host.store.StoreException.Violation;
import io.mvinfra.host.store.StoreSession;
import io.mvinfra.host.store.StoredEntity;
import io.mvinfra.providers.EntityRuleSets;
import io.mvinfra.validation.EntityRules;
import io.mvinfra.validation.Violations;

/**
 * The module's entity rules ({@link EntityRuleSets}) at an operator's save: the entity as the buttons will read it,
 * its references read in the same transaction, each problem a violation of rule {@value #RULE} under its field (a
 * problem of {@code data.port} under {@code data}).
 */
public final class EntityRulesCheck implements SaveCheck {
    public static final String RULE = "entityRules";

    @Override
    public List<Violation> check(StoreSession session, StoredEntity entity) {
        Optional<EntityRules<?>> rules = EntityRuleSets.of(entity.cet());
        if (rules.isEmpty()) {
            return List.of();
        }
        Violations problems = new Violations(entity.cet());
        run(rules.get(), entity, session, problems);
        List<Violation> violations = new ArrayList<>();
        for (Violations.Problem p : problems.problems()) {
            int dot = p.field().indexOf('.');
            String field = dot < 0 ? p.field() : p.field().substring(0, dot);
            violations.add(new Violation(entity.cet(), field, RULE, dot < 0 ? p.message() : p.field() + ": " + p.message()));
        }
        return violations;
    }

    @SuppressWarnings("unchecked")
    private static <T extends CustomEntity> void run(EntityRules<T> rules, StoredEntity entity, StoreSession session, Violations problems) {
        rules.check(pojo(entity, rules.entityClass()), references(session), problems);
    }

    private static EntityRules.References references(StoreSession session) {
        return new EntityRules.References() {
            @Override
            public <R extends CustomEntity> Optional<R> find(R reference, Class<R> type) {
                if (reference == null || reference.getUuid() == null) {
                    return Optional.empty();
                }
                return session.get(type.getSimpleName(), reference.getUuid()).map(e -> pojo(e, type));
            }
        };
    }

    /** Secrets stay encrypted: no rule reads one. */
    private static <T> T pojo(StoredEntity entity, Class<T> type) {
        CustomEntityInstance cei = new CustomEntityInstance();
        cei.setUuid(entity.uuid());
        cei.setCetCode(entity.cet());
        entity.values().forEach(cei::setCfValue);
        return CEIUtils.ceiToPojo(cei, type);
    }
}
