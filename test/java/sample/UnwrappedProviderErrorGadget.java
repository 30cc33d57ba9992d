package sample;

import java.util.Map;

import org.meveo.service.script.Script;

/** Test button outside the module's base: a provider's refusal reaches the runtime raw, an error Meveo would not expect. */
public class UnwrappedProviderErrorGadget extends Script {
    @Override
    public void execute(Map<String, Object> ctx) {
        throw RefusedByProviderGadget.refusal();
    }
}
