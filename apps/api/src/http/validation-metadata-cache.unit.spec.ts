import { getMetadataStorage, IsInt, IsString, MaxLength, MetadataStorage, ValidateNested, Validator } from 'class-validator';
import { Type } from 'class-transformer';
import { LogVisitDto } from '../support/dto/register-problem.dto';
import { cacheValidationMetadata } from './validation-metadata-cache';
// The global storage, the one ValidationPipe uses: importing the pipe installs the cache on it.
import './validation';

/** The rules class-validator finds for a class, as plain data (the metadata objects hold functions). */
const rules = (storage: MetadataStorage, target: new () => unknown, groups?: string[]) =>
  storage.getTargetValidationMetadatas(target, '', false, false, groups).map((m) => `${m.propertyName}:${m.type}:${m.name ?? ''}:${(m.groups ?? []).join('|')}`);

describe('the validation metadata cache', () => {
  it('answers what class-validator computes, for the API’s DTOs, with and without groups', () => {
    // Two storages holding the global one's registrations (every DTO), one cached and one not.
    const { validationMetadatas, constraintMetadatas } = getMetadataStorage() as unknown as Record<string, unknown>;
    const copy = () => Object.assign(new MetadataStorage(), { validationMetadatas, constraintMetadatas });
    const [plain, cached] = [copy(), copy()];
    cacheValidationMetadata(cached);

    for (const groups of [undefined, ['admin']]) {
      expect(rules(cached, LogVisitDto, groups)).toEqual(rules(plain, LogVisitDto, groups));
      expect(rules(cached, LogVisitDto, groups)).toEqual(rules(plain, LogVisitDto, groups)); // and again, from memory
    }
    expect(rules(cached, LogVisitDto).length).toBeGreaterThan(5);
  });

  it('forgets what it remembered when a class registers more rules, so a later decorator still applies', async () => {
    class Base {
      @IsString()
      name!: string;
    }
    class Item {
      @IsInt()
      qty!: number;
    }
    class Order extends Base {
      @ValidateNested()
      @Type(() => Item)
      item!: Item;
    }
    const validator = new Validator();
    const order = Object.assign(new Order(), { name: 'x'.repeat(30), item: Object.assign(new Item(), { qty: 1 }) });
    expect(await validator.validate(order)).toEqual([]); // remembered: Order has IsString and a nested Item

    MaxLength(20)(Base.prototype, 'name'); // a rule registered after the first lookup, on the base class

    const errors = await validator.validate(order);
    expect(errors.map((e) => [e.property, Object.keys(e.constraints ?? {})])).toEqual([['name', ['maxLength']]]);
  });
});
