package chatqa.rules;

import java.io.Serializable;

import chatqa.model.Role;

/** A phrase set that counts only in messages of one role (null: any role). */
public record Condition(PhraseSet phrases, Role role) implements Serializable {

    public boolean appliesTo(Role sender) {
        return role == null || role == sender;
    }
}
